import { useCallback, useEffect, useState, type DragEvent } from 'react';
import type { ActivityFile, FileVersion } from '#core/api/files';
import { addVersion, attachFile, removeFile } from '../actions/files.ts';
import { listFiles } from '../api/files.ts';
import { useActivityFiles } from '../attachments/activity-files.tsx';
import { RefusalNotice } from '../components/Field.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { FilePreview } from './FilePreview.tsx';
import { FileRow, type FileActions } from './FileRow.tsx';
import { formatSize } from './file-size.ts';
import { saveFile } from './save-file.ts';
import { UploadList } from './UploadList.tsx';
import { useUploads } from './use-uploads.ts';

/**
 * The activity's files: drop or pick several, each sent with its progress, then the list
 * everyone in the activity reads — each file's latest version, its earlier ones under it —
 * with preview, download, new versions, and removal for the uploader and facilitators.
 */
export function FilesPanel({ activityId, archived }: { activityId: string; archived: boolean }) {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();
  const files = useAsync(() => listFiles(api, activityId), [api, activityId]);
  const shared = useActivityFiles();
  const own = files.reload;
  const sharedReload = shared.reload;
  // What this panel changed, the rest of the screen (comments, boards, the decision) knows at once.
  const reload = useCallback(() => {
    own();
    sharedReload();
  }, [own, sharedReload]);
  const { uploads, send } = useUploads(reload);
  const [over, setOver] = useState(false);
  const [status, setStatus] = useState('');
  const [previewing, setPreviewing] = useState<FileVersion | null>(null);
  const action = useSubmit();

  // Others add files too: the list follows while the page is in sight.
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && own(), 15_000);
    return () => clearInterval(timer);
  }, [own]);

  const data = files.data;
  const add = (chosen: FileList | null) => {
    if (!chosen || chosen.length === 0 || !data) return;
    send([...chosen], data.maxFileBytes, (file, progress) => attachFile(api, activityId, file, progress));
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  const actions: FileActions = {
    previewingId: previewing?.id ?? null,
    preview: setPreviewing,
    download: (file) => void action.run(() => saveFile(api, file)),
    remove: (file, replacedBy) =>
      void action.run(async () => {
        await removeFile(api, file.id);
        setStatus(replacedBy ? t('files.removedVersion', { name: file.name, version: file.version }) : t('files.removed', { name: file.name }));
        reload();
      }),
    newVersion: data?.canUpload ? (file: ActivityFile, chosen: File) => send([chosen], data.maxFileBytes, (f, progress) => addVersion(api, file.id, f, progress)) : undefined,
  };
  const shown = previewing && data?.files.some((f) => f.id === previewing.id || f.earlier.some((e) => e.id === previewing.id));

  return (
    <section className="card files" aria-labelledby="files-title">
      <h2 id="files-title">{t('files.title')}</h2>
      <p className="muted">{t('files.intro')}</p>
      {data?.canUpload && (
        <div
          className={`drop-zone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
          data-testid="drop-zone"
        >
          <p>
            {t('files.drop')}{' '}
            <label className="link-button">
              {t('files.choose')}
              <input
                type="file"
                multiple
                className="visually-hidden"
                onChange={(e) => {
                  add(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
          </p>
          <p className="muted small">{t('files.limit', { max: formatSize(data.maxFileBytes, t, locale) })}</p>
        </div>
      )}
      {data && !data.canUpload && <p className="muted small">{t(archived ? 'files.archivedNote' : 'files.viewerNote')}</p>}
      <UploadList uploads={uploads} />
      <p role="status" className="muted small">{status}</p>
      {action.message && <p className="form-error" role="alert">{action.message}</p>}
      {files.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {files.status === 'failed' && <RefusalNotice error={files.error} />}
      {data && data.files.length === 0 && <p className="muted">{t('files.empty')}</p>}
      {data && data.files.length > 0 && (
        <TableScroll label={t('files.title')}>
          <table className="files-table">
            <thead>
              <tr>
                <th scope="col">{t('files.col.name')}</th>
                <th scope="col">{t('files.col.size')}</th>
                <th scope="col">{t('files.col.type')}</th>
                <th scope="col">{t('files.col.by')}</th>
                <th scope="col">{t('files.col.date')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('files.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.files.map((file) => (
                <FileRow key={file.id} file={file} actions={actions} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {previewing && shown && <FilePreview key={previewing.id} file={previewing} onClose={() => setPreviewing(null)} onDownload={() => actions.download(previewing)} />}
    </section>
  );
}
