import { useRef, useState } from 'react';
import type { UploadedFiles } from '#core/api/files';
import { ApiError } from '../api/client.ts';
import type { Locale, Translate } from '../i18n/index.tsx';
import { refusalText } from '../i18n/refusal-text.ts';
import { formatSize } from './file-size.ts';
import type { Upload } from './UploadList.tsx';

/** Sends one file with its progress; resolves with what the relay stored. */
export type Send = (file: File, onProgress: (sent: number, total: number) => void) => Promise<UploadedFiles>;

/**
 * Files being sent, one request a file and one at a time (so that one refused file does
 * not hold back the others), each with its progress, then what became of it. A file over
 * `maxBytes` is refused here, in the person's language, before a byte is sent; the relay
 * judges again.
 */
export function useUploads(onSent: () => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const queue = useRef(Promise.resolve());
  const serial = useRef(0);
  const change = (key: string, patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  function send(chosen: readonly File[], maxBytes: number, to: Send) {
    const fresh = chosen.map((file) => ({ file, upload: { key: `u${serial.current++}`, name: file.name, state: 'waiting', progress: 0 } as Upload }));
    setUploads((list) => [...list.filter((u) => u.state !== 'done'), ...fresh.map((f) => f.upload)]);
    for (const { file, upload } of fresh) {
      if (file.size > maxBytes) {
        change(upload.key, { state: 'refused', refusal: (tr, lang) => tr('files.tooLarge', { name: file.name, max: formatSize(maxBytes, tr, lang) }) });
        continue;
      }
      queue.current = queue.current.then(async () => {
        change(upload.key, { state: 'sending' });
        try {
          await to(file, (sent, total) => change(upload.key, { state: sent >= total ? 'saving' : 'sending', progress: sent / total }));
          change(upload.key, { state: 'done', progress: 1 });
          onSent();
        } catch (err) {
          change(upload.key, { state: 'refused', refusal: (tr, lang) => uploadRefusal(err, file.name, maxBytes, tr, lang) });
        }
      });
    }
  }
  return { uploads, send };
}

/** Why the relay refused a file, in the person's language, naming the file. */
function uploadRefusal(err: unknown, name: string, max: number, t: Translate, locale: Locale): string {
  if (!(err instanceof ApiError)) return t('files.refused', { name, reason: err instanceof Error ? err.message : String(err) });
  if (err.code === 'payload_too_large') return t('files.tooLarge', { name, max: formatSize(max, t, locale) });
  if (err.code === 'forbidden') return t('files.refused', { name, reason: t('files.viewerRefused') });
  if (err.code === 'conflict') return t('files.refused', { name, reason: t(/versions already/.test(err.message) ? 'files.tooManyVersions' : 'files.archivedRefused') });
  return t('files.refused', { name, reason: refusalText(err, t, locale) });
}
