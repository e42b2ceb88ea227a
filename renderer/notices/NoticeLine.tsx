import { useI18n } from '../i18n/index.tsx';
import type { Notice } from '../state/use-notices.ts';
import { noticeText } from './notice-text.ts';

/** One notice in the panel: a link to what it is about, and when it came. */
export function NoticeLine({ notice, onOpen }: { notice: Notice; onOpen(notice: Notice): void }) {
  const { t, formatRelative } = useI18n();
  return (
    <li className={`notice-line ${notice.read ? 'read' : 'unread'}`} data-testid="notice">
      <a href={notice.href} onClick={() => onOpen(notice)}>
        {!notice.read && <span className="visually-hidden">{t('app.labelled', { label: t('notices.unread'), value: '' })}</span>}
        <span className="notice-text">{noticeText(t, notice)}</span>
        <span className="muted small notice-when">{formatRelative(notice.at)}</span>
      </a>
    </li>
  );
}
