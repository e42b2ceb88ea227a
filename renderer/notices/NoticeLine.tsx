import { useI18n, type Translate } from '../i18n/index.tsx';
import type { Notice } from '../state/use-notices.ts';
import { decisionKey, useNoticesText, type NoticesText } from './strings.ts';

function noticeText(t: Translate, nt: NoticesText, n: Notice): string {
  switch (n.source) {
    case 'decision':
      return nt(decisionKey(n.kind), { title: n.title });
    case 'figure':
      return nt('figure.alert', { text: n.text });
    case 'idea':
      if (n.kind === 'hidden') return t('ideas.notice.hidden', { title: n.title });
      if (n.kind === 'shown') return t('ideas.notice.shown', { title: n.title });
      return t('ideas.notice.status', { title: n.title, status: t(`ideas.status.${n.status ?? 'new'}`) });
  }
}

/** One notice in the panel: a link to what it is about, and when it came. */
export function NoticeLine({ notice, onOpen }: { notice: Notice; onOpen(notice: Notice): void }) {
  const { t, formatRelative } = useI18n();
  const nt = useNoticesText();
  return (
    <li className={`notice-line ${notice.read ? 'read' : 'unread'}`} data-testid="notice">
      <a href={notice.href} onClick={() => onOpen(notice)}>
        {!notice.read && <span className="visually-hidden">{nt('unread')}: </span>}
        <span className="notice-text">{noticeText(t, nt, notice)}</span>
        <span className="muted small notice-when">{formatRelative(notice.at)}</span>
      </a>
    </li>
  );
}
