import type { Dispatch, SetStateAction } from 'react';
import type { DecisionRecord } from '#core/api/decisions';
import { maxDecisionFiles } from '#core/api/decisions';
import { fileKind } from '#core/files/kind';
import { FileIcon } from '../files/FileIcon.tsx';
import { formatSize } from '../files/file-size.ts';
import { UploadList } from '../files/UploadList.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useActivityFiles, useActivityFilesOrNull } from './activity-files.tsx';
import { AttachButton } from './AttachButton.tsx';
import { FileChips } from './FileChips.tsx';
import { useAttach } from './use-attach.ts';

/**
 * The files to put on the decision record as it is published: the activity's files to
 * tick (their latest versions), and more to attach, dropped or picked, ticked once sent.
 */
export function DecisionFilesPicker({ chosen, setChosen }: { chosen: readonly string[]; setChosen: Dispatch<SetStateAction<string[]>> }) {
  const { t, locale } = useI18n();
  const files = useActivityFiles();
  const pick = (fileId: string, on: boolean) =>
    setChosen((now) => (on ? (now.includes(fileId) || now.length >= maxDecisionFiles ? now : [...now, fileId]) : now.filter((id) => id !== fileId)));
  const attach = useAttach((fileId) => pick(fileId, true));
  const listed = files.list?.files ?? [];
  return (
    <fieldset className={`decision-files${attach.over ? ' over' : ''}`} {...attach.dropTarget} data-testid="decision-files">
      <legend>{t('attach.decisionFiles')}</legend>
      {listed.length === 0 && <p className="muted small">{t('attach.noFilesYet')}</p>}
      <ul className="decision-file-choices">
        {listed.map((file) => (
          <li key={file.id}>
            <label>
              <input type="checkbox" checked={chosen.includes(file.id)} onChange={(e) => pick(file.id, e.target.checked)} />
              <FileIcon kind={fileKind(file.type, file.name)} /> {file.name} <span className="muted small">{formatSize(file.size, t, locale)}</span>
            </label>
          </li>
        ))}
      </ul>
      {attach.canAttach && (
        <p className="attach-line small">
          <AttachButton onChosen={attach.attach} /> <span className="muted">{t('attach.orDrop')}</span>
        </p>
      )}
      <UploadList uploads={attach.uploads} />
    </fieldset>
  );
}

/** The files on a published record: chips that open them; one removed since is named, as it was. */
export function DecisionFilesView({ record }: { record: DecisionRecord }) {
  const { t, locale } = useI18n();
  const open = useActivityFilesOrNull();
  const files = record.files ?? [];
  if (files.length === 0) return null;
  // Where the activity is not open (its content removed), the record names its files only.
  const live = open ? files.flatMap((f) => (f.fileId ? [f.fileId] : [])) : [];
  const gone = files.filter((f) => !open || !f.fileId);
  return (
    <div className="decision-record-files" data-testid="decision-record-files">
      <h3>{t('attach.decisionFiles')}</h3>
      {live.length > 0 && <FileChips ids={live} />}
      {gone.length > 0 && (
        <ul className="muted small">
          {gone.map((f, i) => (
            <li key={i}>{t(open ? 'attach.goneFromRecord' : 'attach.onRecord', { name: f.name, size: formatSize(f.size, t, locale) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
