import { useState } from 'react';
import type { Idea } from '#core/api/ideas';
import { toggleVote } from '../actions/ideas.ts';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** One vote per person: press to vote, press again to withdraw it. */
export function VoteButton<T extends Idea>({ idea, canVote, onChange }: { idea: T; canVote: boolean; onChange(idea: T): void }) {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const own = idea.author.id === me.id;
  const disabled = busy || !canVote || own || idea.hidden !== null;

  async function press() {
    setBusy(true);
    setError(null);
    try {
      onChange(await toggleVote(api, idea));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="vote">
      <button
        type="button"
        className={`vote-button${idea.myVote ? ' voted' : ''}`}
        aria-pressed={idea.myVote}
        aria-label={idea.myVote ? t('ideas.vote.withdraw', { title: idea.title }) : t('ideas.vote.cast', { title: idea.title })}
        title={own ? t('ideas.vote.own') : undefined}
        disabled={disabled}
        onClick={() => void press()}
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="votes">{idea.votes}</span>
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
