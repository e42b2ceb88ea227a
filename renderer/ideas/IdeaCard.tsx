import { memo } from 'react';
import type { Idea } from '#core/api/ideas';
import { useI18n } from '../i18n/index.tsx';
import { hrefOf } from '../state/use-route.ts';
import { IdeaStatusBadge } from './IdeaStatusBadge.tsx';
import { VoteButton } from './VoteButton.tsx';

/**
 * An idea in the list: votes, title, category, status and the answer's reason. Memoised:
 * paging or a vote redraws only the cards that changed, not the hundreds already shown.
 */
export const IdeaCard = memo(function IdeaCard({ boxId, idea, canVote, onChange }: { boxId: string; idea: Idea; canVote: boolean; onChange(idea: Idea): void }) {
  const { t, formatRelative } = useI18n();
  return (
    <article className={`idea-card card${idea.hidden ? ' hidden-idea' : ''}`} data-testid="idea" aria-label={idea.title}>
      <VoteButton idea={idea} canVote={canVote} onChange={onChange} />
      <div className="idea-card-main">
        <a className="idea-title" href={hrefOf({ name: 'idea', boxId, ideaId: idea.id })}>
          {idea.title}
        </a>
        <p className="idea-meta muted small">
          <span className="idea-category">{idea.category}</span> ·{' '}
          <a href={hrefOf({ name: 'idea-author', boxId, userId: idea.author.id })}>{idea.author.name}</a> · {formatRelative(idea.createdAt)}
          {idea.photo && <> · {t('ideas.hasPhoto')}</>}
        </p>
        {idea.reason && <p className="idea-reason">{t('ideas.reasonSaid', { reason: idea.reason })}</p>}
        {idea.hidden && <p className="idea-reason danger">{t('ideas.hiddenBecause', { reason: idea.hidden.reason })}</p>}
      </div>
      <IdeaStatusBadge status={idea.status} />
    </article>
  );
});
