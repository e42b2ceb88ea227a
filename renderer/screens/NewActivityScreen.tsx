import { useState } from 'react';
import { createActivity } from '../actions/activities.ts';
import { FormError, TextAreaField, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { PlanNote } from '../organization/PlanNote.tsx';
import { hrefOf, navigate } from '../state/use-route.ts';
import { TemplatePicker } from '../templates/TemplatePicker.tsx';
import { useSignedIn } from '../state/use-session.tsx';

export function NewActivityScreen() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [form, setForm] = useState({ title: '', question: '', description: '', template: 'blank' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = submission.onSubmit(async () => {
    const { id } = await createActivity(api, {
      title: form.title,
      question: form.question,
      ...(form.description.trim() ? { description: form.description } : {}),
      ...(form.template !== 'blank' ? { template: form.template } : {}),
    });
    navigate({ name: 'activity', id, tab: 'work' });
  });

  return (
    <main id="main" className="page narrow">
      <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="new-title">
        <h1 id="new-title">{t('new.title')}</h1>
        <PlanNote />
        <TextField label={t('new.activityTitle')} value={form.title} onChange={set('title')} required autoFocus maxLength={200} error={submission.field('title')} />
        <TextAreaField label={t('new.question')} value={form.question} onChange={set('question')} required rows={2} maxLength={500} hint={t('new.questionHint')} error={submission.field('question')} />
        <TextAreaField label={t('new.description')} value={form.description} onChange={set('description')} rows={5} hint={t('new.descriptionHint')} error={submission.field('description')} />
        <TemplatePicker value={form.template} onChange={(template) => setForm({ ...form, template })} />
        <FormError message={submission.message} />
        <div className="form-actions">
          <a className="button ghost" href={hrefOf({ name: 'activities' })}>
            {t('new.cancel')}
          </a>
          <button className="button primary" type="submit" disabled={submission.busy}>
            {t('new.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
