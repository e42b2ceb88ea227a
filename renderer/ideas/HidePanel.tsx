import { useState, type FormEvent } from 'react';
import type { IdeaDetail } from '#core/api/ideas';
import { hideIdea, showIdea } from '../actions/ideas.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** Hide an abusive idea (its author reads why), or show it again. */
export function HidePanel({ idea, onChanged }: { idea: IdeaDetail; onChanged(idea: IdeaDetail): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const errors = useFormErrors();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<IdeaDetail>) {
    errors.clear();
    setBusy(true);
    try {
      onChanged(await work());
      setReason('');
    } catch (err) {
      errors.show(err);
    } finally {
      setBusy(false);
    }
  }

  if (idea.hidden) {
    return (
      <div className="card form-card">
        <button type="button" className="button" disabled={busy} onClick={() => void run(() => showIdea(api, idea.id))}>
          {t('ideas.hide.show')}
        </button>
        <FormError message={errors.message} />
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
      <TextField label={t('ideas.hide.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.field('reason')} />
      <FormError message={errors.message} />
      <div className="form-actions">
        <button type="submit" className="button danger" disabled={busy}>
          {t('ideas.hide.submit')}
        </button>
      </div>
    </form>
  );
}
