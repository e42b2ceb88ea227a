import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import '../styles/notices.css';
import { markAllNoticesRead, markNoticeRead, notifyDesktop } from '../actions/notices.ts';
import { useI18n } from '../i18n/index.tsx';
import { useNewNotices } from '../state/use-new-notices.ts';
import { useNotices, type Notice } from '../state/use-notices.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { noticeText } from './notice-text.ts';
import { NoticeLine } from './NoticeLine.tsx';

/** Where arrow keys move in the open panel: its links and buttons, in order. */
const focusables = (panel: HTMLElement | null) => [...(panel?.querySelectorAll<HTMLElement>('a[href], button:not([disabled])') ?? [])];

/**
 * The bell in the app header: how many notices are unread, and a panel listing them
 * newest first (decisions, mentions, votes opening and closing soon, activities I was added
 * to, answers to my ideas, figure alerts for controllers). Opening
 * one marks it read. Arrow keys move through the panel; Escape closes it.
 */
export function NoticesBell() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { notices, unread, status, reload } = useNotices();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  useNewNotices(notices, status === 'ready', (n) => void notifyDesktop(t('notices.title'), noticeText(t, n), n));
  // Screen readers hear of new notices as they arrive (not of those there at start).
  const seen = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (status !== 'ready') return;
    if (seen.current !== null && unread > seen.current) setAnnouncement(t('notices.arrived', { count: unread }));
    seen.current = unread;
  }, [status, unread, t]);

  useEffect(() => {
    if (!open) return;
    // The newest notice first; the panel's buttons when there is none.
    (panel.current?.querySelector<HTMLElement>('.notice-line a') ?? focusables(panel.current)[0])?.focus();
    const outside = (e: MouseEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const opened = (notice: Notice) => {
    setOpen(false);
    void markNoticeRead(api, notice).finally(reload);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    const items = focusables(panel.current);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined || items.length === 0) return;
    e.preventDefault();
    items[(to + items.length) % items.length]?.focus();
  };

  return (
    <div
      className="notices-bell"
      ref={wrapper}
      onKeyDown={open ? onKey : undefined}
      // Tabbing out of the panel closes it (a click outside does too, below).
      onBlur={(e) => {
        if (open && e.relatedTarget instanceof Node && !wrapper.current?.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="icon-button bell-button"
        aria-label={unread > 0 ? t('notices.button', { count: unread }) : t('notices.buttonNone')}
        aria-expanded={open}
        aria-controls="notices-panel"
        onClick={() => {
          if (!open) reload();
          setOpen(!open);
        }}
        data-testid="notices-button"
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 15v1.5h15V15L18 12.5V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0Z" fill="currentColor" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="notices-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      {open && (
        <div id="notices-panel" ref={panel} className="notices-panel" role="dialog" aria-label={t('notices.title')}>
          <div className="notices-panel-head">
            <h2>{t('notices.title')}</h2>
            {unread > 0 && (
              <button type="button" className="button ghost small" onClick={() => void markAllNoticesRead(api, notices).finally(reload)}>
                {t('notices.markAll')}
              </button>
            )}
          </div>
          {status === 'failed' && <p className="muted small">{t('notices.failed')}</p>}
          {status === 'ready' && notices.length === 0 && <p className="muted small">{t('notices.none')}</p>}
          <ul className="notice-lines">
            {notices.slice(0, 50).map((n) => (
              <NoticeLine key={n.key} notice={n} onOpen={opened} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
