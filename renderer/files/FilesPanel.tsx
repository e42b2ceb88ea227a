import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ActivityFile } from '#core/api/files';
import { fileKind } from '#core/files/kind';
import { attachFile, removeFile } from '../actions/files.ts';
import { ApiError } from '../api/client.ts';
import { fileBytes, listFiles } from '../api/files.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { RefusalNotice } from '../components/Field.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n, type Translate, type Locale } from '../i18n/index.tsx';
import { refusalText } from '../i18n/refusal-text.ts';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { FileIcon } from './FileIcon.tsx';
import { FilePreview, canPreview } from './FilePreview.tsx';
import { formatSize } from './file-size.ts';
import { UploadList, type Upload } from './UploadList.tsx';

/**
 * The activity's files: drop or pick several, each sent with its progress (one request a
 * file, so that one refused file does not hold back the others), then the list everyone
 * in the activity reads, with download, and removal for the uploader and facilitators.
 */
export function FilesPanel({ activityId, archived }: { activityId: string; archived: boolean }) {
  const { t, locale, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const files = useAsync(() => listFiles(api, activityId), [api, activityId]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const [status, setStatus] = useState('');
  const [previewing, setPreviewing] = useState<ActivityFile | null>(null);
  const action = useSubmit();
  const queue = useRef(Promise.resolve());
  const serial = useRef(0);
  const { reload } = files;

  // Others add files too: the list follows while the page is in sight.
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && reload(), 15_000);
    return () => clearInterval(timer);
  }, [reload]);

  const change = (key: string, patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  function add(chosen: FileList | null) {
    if (!chosen || chosen.length === 0 || files.status !== 'ready') return;
    const max = files.data.maxFileBytes;
    const fresh = [...chosen].map((file) => ({ file, upload: { key: `u${serial.current++}`, name: file.name, state: 'waiting', progress: 0 } as Upload }));
    setUploads((list) => [...list.filter((u) => u.state !== 'done'), ...fresh.map((f) => f.upload)]);
    for (const { file, upload } of fresh) {
      // Refused here, in the person's language, before a byte is sent; the relay judges again.
      if (file.size > max) {
        change(upload.key, { state: 'refused', refusal: (tr, lang) => tr('files.tooLarge', { name: file.name, max: formatSize(max, tr, lang) }) });
        continue;
      }
      queue.current = queue.current.then(async () => {
        change(upload.key, { state: 'sending' });
        try {
          await attachFile(api, activityId, file, (sent, total) => change(upload.key, { state: sent >= total ? 'saving' : 'sending', progress: sent / total }));
          change(upload.key, { state: 'done', progress: 1 });
          reload();
        } catch (err) {
          change(upload.key, { state: 'refused', refusal: (tr, lang) => uploadRefusal(err, file.name, max, tr, lang) });
        }
      });
    }
  }

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  const download = (file: ActivityFile) =>
    action.run(async () => {
      const url = URL.createObjectURL(await fileBytes(api, file.id));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });

  const remove = (file: ActivityFile) =>
    void action.run(async () => {
      await removeFile(api, file.id);
      setStatus(t('files.removed', { name: file.name }));
      reload();
    });

  const data = files.data;
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
              {data.files.map((file) => {
                const kind = fileKind(file.type, file.name);
                return (
                  <tr key={file.id} data-testid="file-row">
                    <th scope="row" className="file-name">
                      <FileIcon kind={kind} />
                      <span>{file.name}</span>
                    </th>
                    <td className="number">{formatSize(file.size, t, locale)}</td>
                    <td>{t(`files.kind.${kind}`)}</td>
                    <td>{file.uploaderName}</td>
                    <td>{formatDateTime(file.uploadedAt)}</td>
                    <td className="file-actions">
                      {canPreview(file) && (
                        <button type="button" className="button small" aria-label={t('files.previewName', { name: file.name })} aria-pressed={previewing?.id === file.id} onClick={() => setPreviewing(file)}>
                          {t('files.preview')}
                        </button>
                      )}
                      <button type="button" className="button small" aria-label={t('files.downloadName', { name: file.name })} onClick={() => void download(file)}>
                        {t('files.download')}
                      </button>
                      {file.canRemove && (
                        <ConfirmButton
                          className="button small ghost"
                          label={t('files.removeName', { name: file.name })}
                          question={t('files.removeQuestion', { name: file.name })}
                          confirm={t('files.removeConfirm')}
                          onConfirm={() => remove(file)}
                        >
                          {t('files.remove')}
                        </ConfirmButton>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {previewing && data?.files.some((f) => f.id === previewing.id) && <FilePreview key={previewing.id} file={previewing} onClose={() => setPreviewing(null)} />}
    </section>
  );
}

/** Why the relay refused a file, in the person's language, naming the file. */
function uploadRefusal(err: unknown, name: string, max: number, t: Translate, locale: Locale): string {
  if (!(err instanceof ApiError)) return t('files.refused', { name, reason: err instanceof Error ? err.message : String(err) });
  if (err.code === 'payload_too_large') return t('files.tooLarge', { name, max: formatSize(max, t, locale) });
  if (err.code === 'forbidden') return t('files.refused', { name, reason: t('files.viewerRefused') });
  if (err.code === 'conflict') return t('files.refused', { name, reason: t('files.archivedRefused') });
  return t('files.refused', { name, reason: refusalText(err, t, locale) });
}
