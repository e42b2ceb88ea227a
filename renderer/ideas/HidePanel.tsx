import { useState, type FormEvent } from 'react';
import type { IdeaDetail } from '#core/api/ideas';
import { hideIdea, showIdea } from '../actions/ideas.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** Hide an abusive idea (its author reads why), or show it again. */
export function HidePanel({ idea, onChanged }: { idea: IdeaDetail; onChanged(idea: IdeaDetail): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [reason, setReason] = useState('');

  const run = (work: () => Promise<IdeaDetail>) =>
    submission.run(async () => {
      onChanged(await work());
      setReason('');
    });

  if (idea.hidden) {
    return (
      <div className="card form-card">
        <button type="button" className="button" disabled={submission.busy} onClick={() => void run(() => showIdea(api, idea.id))}>
          {t('ideas.hide.show')}
        </button>
        <FormError message={submission.message} />
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => hideIdea(api, idea.id, reason));
  };
  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="hide-title">
      <h2 id="hide-title">{t('ideas.hide.title')}</h2>
      <TextField label={t('ideas.hide.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={submission.field('reason')} />
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="submit" className="button danger" disabled={submission.busy}>
          {t('ideas.hide.submit')}
        </button>
      </div>
    </form>
  );
}
