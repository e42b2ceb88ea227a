import type { MessageKey, Translate } from '../i18n/index.tsx';
import type { Notice } from '../state/use-notices.ts';

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
      if (n.kind === 'hidden') return t('ideas.notice.hidden', { title: n.title });
      if (n.kind === 'shown') return t('ideas.notice.shown', { title: n.title });
      if (n.kind === 'approved') return t('ideas.notice.approved', { title: n.title });
      if (n.kind === 'off_topic') return t('ideas.notice.offTopic', { title: n.title, reason: n.reason ?? '' });
      if (n.kind === 'merged') return t('ideas.notice.merged', { title: n.title, other: n.otherTitle ?? '' });
      if (n.kind === 'reward') return t('ideas.notice.reward', { title: n.title, reward: n.reason ?? '' });
      return t('ideas.notice.status', { title: n.title, status: t(`ideas.status.${n.status ?? 'new'}`) });
  }
}
