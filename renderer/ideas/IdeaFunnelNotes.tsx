import type { Idea } from '#core/api/ideas';
import { useI18n } from '../i18n/index.tsx';
import { hrefOf } from '../state/use-route.ts';

/** What moderation, a merge, a study or a reward made of an idea, as its readers see it. */
export function IdeaFunnelNotes({ idea }: { idea: Idea }) {
  const { t } = useI18n();
  return (
    <>
      {idea.moderation === 'pending' && (
        <p className="notice" role="note" data-testid="idea-pending">
          {t('ideas.moderation.pending')}
        </p>
      )}
      {idea.moderation === 'off_topic' && (
        <p className="notice" role="note">
          {t('ideas.moderation.offTopic', { reason: idea.offTopicReason ?? '' })}
        </p>
      )}
      {idea.mergedInto && (
        <p className="notice" role="note">
          <a href={hrefOf({ name: 'idea', boxId: idea.activityId, ideaId: idea.mergedInto.id })}>{t('ideas.mergedInto', { title: idea.mergedInto.title })}</a>
        </p>
      )}
      {idea.studyActivityId && (
        <p className="muted small">
          {t('ideas.studiedIn')} · <a href={hrefOf({ name: 'activity', id: idea.studyActivityId, tab: 'decide' })}>{t('ideas.openStudy')}</a>
        </p>
      )}
      {idea.reward && (
        <p className="idea-reward" data-testid="idea-reward">
          {t('ideas.rewardGiven', { reward: idea.reward.text })}
        </p>
      )}
    </>
  );
}
