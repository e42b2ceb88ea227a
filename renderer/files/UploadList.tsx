import { useI18n, type Locale, type Translate } from '../i18n/index.tsx';

/** One file being sent, from the moment it is chosen until the relay took or refused it. */
export interface Upload {
  key: string;
  name: string;
  state: 'waiting' | 'sending' | 'saving' | 'done' | 'refused';
  /** 0 to 1, while sending. */
  progress: number;
  /** Why it was refused, worded in the language chosen at the time it is shown. */
  refusal?: (t: Translate, locale: Locale) => string;
}

/** The files being sent, each with its progress, then what became of it. */
export function UploadList({ uploads }: { uploads: readonly Upload[] }) {
  const { t, locale } = useI18n();
  if (uploads.length === 0) return null;
  return (
    <ul className="uploads" aria-label={t('files.uploads')}>
      {uploads.map((u) => (
        <li key={u.key} className={`upload upload-${u.state}`}>
          <span className="upload-name">{u.name}</span>
          {(u.state === 'waiting' || u.state === 'sending' || u.state === 'saving') && (
            <progress max={1} value={u.state === 'waiting' ? 0 : u.progress} aria-label={t('files.progress', { name: u.name })} />
          )}
          <span className="upload-state" role={u.state === 'refused' ? 'alert' : undefined}>
            {u.state === 'waiting' && t('files.waiting')}
            {u.state === 'sending' && t('files.sending', { percent: Math.round(u.progress * 100) })}
            {u.state === 'saving' && t('files.checking')}
            {u.state === 'done' && t('files.sent')}
            {u.state === 'refused' && u.refusal?.(t, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}
