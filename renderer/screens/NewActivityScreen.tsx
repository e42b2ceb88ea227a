import { useState, type FormEvent } from 'react';
import { createActivity } from '../api/endpoints.ts';
import { FormError, TextAreaField, TextField } from '../components/Field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { hrefOf, navigate } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';

export function NewActivityScreen() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ title: '', question: '', description: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      const { id } = await createActivity(api, {
        title: form.title,
        question: form.question,
        ...(form.description.trim() ? { description: form.description } : {}),
      });
      navigate({ name: 'activity', id, tab: 'work' });
    } catch (err) {
      errors.show(err);
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page narrow">
      <form className="card form-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-title">
        <h1 id="new-title">{t('new.title')}</h1>
        <TextField label={t('new.activityTitle')} value={form.title} onChange={set('title')} required autoFocus maxLength={200} error={errors.field('title')} />
        <TextAreaField label={t('new.question')} value={form.question} onChange={set('question')} required rows={2} maxLength={500} hint={t('new.questionHint')} error={errors.field('question')} />
        <TextAreaField label={t('new.description')} value={form.description} onChange={set('description')} rows={5} hint={t('new.descriptionHint')} error={errors.field('description')} />
        <FormError message={errors.message} />
        <div className="form-actions">
          <a className="button ghost" href={hrefOf({ name: 'activities' })}>
            {t('new.cancel')}
          </a>
          <button className="button primary" type="submit" disabled={busy}>
            {t('new.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
