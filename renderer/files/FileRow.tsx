import { useState } from 'react';
import type { ActivityFile, FileVersion } from '#core/api/files';
import { fileKind } from '#core/files/kind';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { useI18n } from '../i18n/index.tsx';
import { canPreview } from './FilePreview.tsx';
import { formatSize } from './file-size.ts';
import { Thumbnail } from './Thumbnail.tsx';

export interface FileActions {
  previewingId: string | null;
  preview(version: FileVersion): void;
  download(version: FileVersion): void;
  remove(version: FileVersion, replacedBy: FileVersion | null): void;
  /** Sends a new version of the file; absent for those who may not attach files. */
  newVersion?(file: ActivityFile, chosen: File): void;
}

/**
 * One file of the list: its latest version, what it is, who added it and when, with
 * Preview, Download, New version and Remove; its earlier versions open under it, each
 * readable and removable in its own row.
 */
export function FileRow({ file, actions }: { file: ActivityFile; actions: FileActions }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const earlierId = `earlier-${file.id}`;
  return (
    <>
      <tr data-testid="file-row">
        <th scope="row" className="file-name">
          <Thumbnail file={file} />
          <span>{file.name}</span>
          {file.version > 1 && ' '}
          {file.version > 1 && <span className="file-version">{t('files.version', { version: file.version })}</span>}
        </th>
        <VersionCells version={file} />
        <td className="file-actions">
          <VersionActions version={file} replacedBy={file.earlier[0] ?? null} actions={actions} versioned={file.version > 1 || file.earlier.length > 0} />
          {actions.newVersion && (
            <label className="button small ghost">
              {t('files.newVersion')}
              <input
                type="file"
                className="visually-hidden"
                aria-label={t('files.newVersionName', { name: file.name })}
                onChange={(e) => {
                  const chosen = e.target.files?.[0];
                  if (chosen) actions.newVersion?.(file, chosen);
                  e.target.value = '';
                }}
              />
            </label>
          )}
          {file.earlier.length > 0 && (
            <button type="button" className="link-button small" aria-expanded={open} aria-controls={open ? earlierId : undefined} onClick={() => setOpen(!open)}>
              {t('files.earlier', { count: file.earlier.length })}
            </button>
          )}
        </td>
      </tr>
      {open &&
        file.earlier.map((version, i) => (
          <tr key={version.id} id={i === 0 ? earlierId : undefined} className="file-earlier" data-testid="file-version-row">
            <th scope="row" className="file-name">
              <span>{version.name}</span>{' '}
              <span className="file-version">{t('files.version', { version: version.version })}</span>
            </th>
            <VersionCells version={version} />
            <td className="file-actions">
              <VersionActions version={version} replacedBy={null} actions={actions} versioned />
            </td>
          </tr>
        ))}
    </>
  );
}

function VersionCells({ version }: { version: FileVersion }) {
  const { t, locale, formatDateTime } = useI18n();
  return (
    <>
      <td className="number">{formatSize(version.size, t, locale)}</td>
      <td>{t(`files.kind.${fileKind(version.type, version.name)}`)}</td>
      <td>{version.uploaderName}</td>
      <td>{formatDateTime(version.uploadedAt)}</td>
    </>
  );
}

/**
 * Preview, Download and Remove for one version, named with its version number when the
 * file has several; `replacedBy` is the version that becomes the latest when it goes.
 */
function VersionActions({ version, replacedBy, actions, versioned = false }: { version: FileVersion; replacedBy: FileVersion | null; actions: FileActions; versioned?: boolean }) {
  const { t } = useI18n();
  const name = versioned ? t('files.versionOf', { version: version.version, name: version.name }) : version.name;
  return (
    <>
      {canPreview(version) && (
        <button type="button" className="button small" aria-label={t('files.previewName', { name })} aria-pressed={actions.previewingId === version.id} onClick={() => actions.preview(version)}>
          {t('files.preview')}
        </button>
      )}
      <button type="button" className="button small" aria-label={t('files.downloadName', { name })} onClick={() => actions.download(version)}>
        {t('files.download')}
      </button>
      {version.canRemove && (
        <ConfirmButton
          className="button small ghost"
          label={t('files.removeName', { name })}
          question={replacedBy ? t('files.removeLatestQuestion', { name: version.name, version: version.version, previous: replacedBy.version }) : t('files.removeQuestion', { name })}
          confirm={t('files.removeConfirm')}
          onConfirm={() => actions.remove(version, replacedBy)}
        >
          {t('files.remove')}
        </ConfirmButton>
      )}
    </>
  );
}
