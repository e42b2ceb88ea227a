import type { IdeaNoticeKind, IdeaStatus } from '#core/api/ideas';
import type { Translate } from '../i18n/index.tsx';

/** What an idea notice is about: the idea, and one of the person's comments on it when `comment` is set. */
export interface IdeaNoticeFacts {
  kind: IdeaNoticeKind;
  title: string;
  status: IdeaStatus | null;
  reason: string | null;
  otherTitle: string | null;
  /** The start of the comment the notice is about, or null when it is about the idea. */
  comment: string | null;
}

/**
 * What became of one's idea, or of one's comment on an idea, in the app's language (the
 * bell, the idea box's notices, desktop notifications). A notice about a comment says so:
 * hiding a comment leaves the idea as it was.
 */
export function ideaNoticeText(t: Translate, n: IdeaNoticeFacts): string {
  if (n.comment !== null) {
    if (n.kind === 'hidden') return t('ideaComments.notice.hidden', { title: n.title, reason: n.reason ?? '' });
    if (n.kind === 'shown') return t('ideaComments.notice.shown', { title: n.title });
    return t('ideaComments.notice.approved', { title: n.title });
  }
  if (n.kind === 'hidden') return t('ideas.notice.hidden', { title: n.title });
  if (n.kind === 'shown') return t('ideas.notice.shown', { title: n.title });
  if (n.kind === 'approved') return t('ideas.notice.approved', { title: n.title });
  if (n.kind === 'off_topic') return t('ideas.notice.offTopic', { title: n.title, reason: n.reason ?? '' });
  if (n.kind === 'merged') return t('ideas.notice.merged', { title: n.title, other: n.otherTitle ?? '' });
  if (n.kind === 'reward') return t('ideas.notice.reward', { title: n.title, reward: n.reason ?? '' });
  return t('ideas.notice.status', { title: n.title, status: t(`ideas.status.${n.status ?? 'new'}`) });
}
