import type { MessageKey, Translate } from '../i18n/index.tsx';
import type { Notice } from '../state/use-notices.ts';
import { ideaNoticeText } from './idea-notice-text.ts';

const decisionKey = (kind: string): MessageKey =>
  kind === 'published' || kind === 'review_due' || kind === 'rate' ? `notices.decision.${kind}` : 'notices.decision.other';

/** What a notice says, in the app's language (the panel and desktop notifications). */
export function noticeText(t: Translate, n: Notice): string {
  switch (n.source) {
    case 'decision':
      return t(decisionKey(n.kind), { title: n.title });
    case 'activity':
      return t(`notices.activity.${n.kind}`, { title: n.title, actor: n.actor ?? t('notices.someone'), about: n.about });
    case 'figure':
      return t('notices.figure.alert', { text: n.text });
    case 'idea':
      return ideaNoticeText(t, n);
  }
}
