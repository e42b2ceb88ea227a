import type { Idea } from '#core/api/ideas';
import { toggleVote } from '../actions/ideas.ts';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** One vote per person: press to vote, press again to withdraw it. */
export function VoteButton<T extends Idea>({ idea, canVote, onChange }: { idea: T; canVote: boolean; onChange(idea: T): void }) {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const submission = useSubmit();
  const own = idea.author.id === me.id;
  const disabled = submission.busy || !canVote || own || idea.hidden !== null;

  const press = () => submission.run(async () => onChange(await toggleVote(api, idea)));

  return (
    <div className="vote">
      <button
        type="button"
        className={`vote-button${idea.myVote ? ' voted' : ''}`}
        aria-pressed={idea.myVote}
        title={own ? t('ideas.vote.own') : undefined}
        disabled={disabled}
        onClick={() => void press()}
      >
        <span className="visually-hidden">{idea.myVote ? t('ideas.vote.withdraw', { title: idea.title }) : t('ideas.vote.cast', { title: idea.title })} </span>
        <span aria-hidden="true">▲</span>
        <span data-testid="votes">{idea.votes}</span>
      </button>
      {submission.message && (
        <p role="alert" className="field-error">
          {submission.message}
        </p>
      )}
    </div>
  );
}
