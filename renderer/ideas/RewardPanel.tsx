import { useState } from 'react';
import type { IdeaDetail } from '#core/api/ideas';
import { rewardIdea } from '../actions/idea-funnel.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** A facilitator attaches a reward (a voucher code…) to an implemented idea; it is sent once. */
export function RewardPanel({ idea, onChanged }: { idea: IdeaDetail; onChanged(idea: IdeaDetail): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [text, setText] = useState('');
  if (idea.status !== 'implemented' || idea.reward) return null;
  return (
    <form
      className="card form-card"
      noValidate
      aria-labelledby="reward-title"
      onSubmit={submission.onSubmit(async () => {
        onChanged(await rewardIdea(api, idea.id, text));
        setText('');
      })}
    >
      <h2 id="reward-title">{t('ideas.reward.title')}</h2>
      <TextField label={t('ideas.reward.text')} value={text} onChange={(e) => setText(e.target.value)} hint={t('ideas.reward.hint')} error={submission.field('text')} />
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submission.busy}>
          {t('ideas.reward.submit')}
        </button>
      </div>
    </form>
  );
}
