import { useEffect, useState } from 'react';
import { previewRetrySeconds, type FileVersion } from '#core/api/files';
import { parseCsv } from '#core/files/csv';
import { fileKind, type FileKind } from '#core/files/kind';
import { ApiError } from '../api/client.ts';
import { fileBytes, officePreview } from '../api/files.ts';
import type { ApiClient } from '../api/client.ts';
import { RefusalNotice } from '../components/Field.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { formatSize } from './file-size.ts';
import { FileIcon } from './FileIcon.tsx';
import { Markdown } from './Markdown.tsx';
import { saveFile } from './save-file.ts';
import { AnnotatedPdf } from '../attachments/AnnotatedPdf.tsx';

/** Kinds shown inside Conclave, and the largest file of each shown (larger: download it). */
const previewLimit: Partial<Record<FileKind, number>> = {
  image: 20 * 1024 * 1024,
  text: 2 * 1024 * 1024,
  csv: 2 * 1024 * 1024,
  markdown: 2 * 1024 * 1024,
  pdf: 50 * 1024 * 1024,
  // Office documents: the relay's PDF of them, when LibreOffice made one.
  document: 100 * 1024 * 1024,
  spreadsheet: 100 * 1024 * 1024,
  presentation: 100 * 1024 * 1024,
};
const office: readonly FileKind[] = ['document', 'spreadsheet', 'presentation'];

export const canPreview = (file: FileVersion) => previewLimit[fileKind(file.type, file.name)] !== undefined;

type Shown =
  | { kind: 'image'; url: string }
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'text' | 'csv' | 'markdown'; text: string }
  | { kind: 'large'; max: number }
  | { kind: 'preparing' }
  | { kind: 'unavailable' };

/** How many times an Office document's preview is asked for while the relay prepares it (every 2 s: 5 minutes). */
const maxPreviewAsks = 150;

/** Reads a text in the encoding the relay found (served as `charset=`), UTF-8 otherwise. */
async function textOf(blob: Blob): Promise<string> {
  const charset = /charset=([\w-]+)/i.exec(blob.type)?.[1] ?? 'utf-8';
  return new TextDecoder(charset).decode(await blob.arrayBuffer());
}

async function load(api: ApiClient, file: FileVersion): Promise<Shown> {
  const kind = fileKind(file.type, file.name);
  const max = previewLimit[kind] ?? 0;
  if (file.size > max) return { kind: 'large', max };
  if (office.includes(kind)) {
    // No LibreOffice on the relay, or it could not read this one: offered for download.
    const pdf = await officePreview(api, file.id).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    });
    if (pdf === 'preparing') return { kind: 'preparing' };
    return pdf ? { kind: 'pdf', bytes: new Uint8Array(await pdf.arrayBuffer()) } : { kind: 'unavailable' };
  }
  const blob = await fileBytes(api, file.id);
  if (kind === 'image') return { kind, url: URL.createObjectURL(blob) };
  if (kind === 'pdf') return { kind, bytes: new Uint8Array(await blob.arrayBuffer()) };
  return { kind: kind === 'csv' || kind === 'markdown' ? kind : 'text', text: await textOf(blob) };
}

/** A file shown inside the activity: an image, a PDF's pages (an Office document's, as the relay made them), a text, a Markdown text, a CSV table. */
export function FilePreview({ file, onClose, onDownload }: { file: FileVersion; onClose(): void; onDownload?(): void }) {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();
  const shown = useAsync(() => load(api, file), [api, file.id]);
  const [url, setUrl] = useState<string | null>(null);
  // While the relay prepares an Office document's PDF, ask again (never a request held open).
  const [asks, setAsks] = useState(0);
  const preparing = shown.data?.kind === 'preparing';
  const gaveUp = preparing && asks >= maxPreviewAsks;
  useEffect(() => {
    if (!preparing || gaveUp) return;
    const timer = setTimeout(() => {
      setAsks((n) => n + 1);
      shown.reload();
    }, previewRetrySeconds * 1000);
    return () => clearTimeout(timer);
  }, [preparing, gaveUp, asks, shown.reload]);
  useEffect(() => {
    if (shown.data?.kind !== 'image') return;
    setUrl(shown.data.url);
    const made = shown.data.url;
    return () => URL.revokeObjectURL(made);
  }, [shown.data]);

  return (
    <section className="card file-preview" aria-labelledby="preview-title">
      <div className="file-preview-head">
        <h3 id="preview-title">{file.name}</h3>
        <button type="button" className="button small ghost" onClick={onClose}>
          {t('files.closePreview')}
        </button>
      </div>
      {shown.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {shown.status === 'failed' && <RefusalNotice error={shown.error} />}
      {shown.data?.kind === 'large' && <p className="muted">{t('files.tooLargeToShow', { max: formatSize(shown.data.max, t, locale) })}</p>}
      {shown.data?.kind === 'image' && url && <img className="preview-image" src={url} alt={file.name} />}
      {preparing && !gaveUp && (
        <p className="muted" role="status">
          {t('files.preparingPreview')}
        </p>
      )}
      {(shown.data?.kind === 'unavailable' || gaveUp) && (
        <div className="preview-unavailable">
          <FileIcon kind={fileKind(file.type, file.name)} />
          <span>{file.name}</span>
          <span className="muted">{formatSize(file.size, t, locale)}</span>
          <p className="muted">{t(gaveUp ? 'files.previewTooSlow' : 'files.officeUnavailable')}</p>
          <button type="button" className="button small" onClick={onDownload ?? (() => void saveFile(api, file))}>
            {t('files.download')}
          </button>
        </div>
      )}
      {/* The viewer with the page's comments and, for facilitators, Present (renderer/attachments/). */}
      {shown.data?.kind === 'pdf' && <AnnotatedPdf file={file} bytes={shown.data.bytes} />}
      {shown.data?.kind === 'text' && <pre className="preview-text">{shown.data.text}</pre>}
      {shown.data?.kind === 'markdown' && <Markdown text={shown.data.text} />}
      {shown.data?.kind === 'csv' && <CsvTable text={shown.data.text} name={file.name} />}
    </section>
  );
}

function CsvTable({ text, name }: { text: string; name: string }) {
  const { t } = useI18n();
  const { rows, truncated } = parseCsv(text);
  const [head, ...body] = rows;
  return (
    <>
      <TableScroll label={name}>
        <table className="csv-table">
          {head && (
            <thead>
              <tr>{head.map((cell, i) => <th key={i} scope="col">{cell}</th>)}</tr>
            </thead>
          )}
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>{row.map((cell, i) => <td key={i}>{cell}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {truncated && <p className="muted small">{t('files.csvTruncated')}</p>}
    </>
  );
}
