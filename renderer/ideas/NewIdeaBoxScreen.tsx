import { useState } from 'react';
import { createActivity } from '../actions/activities.ts';
import { FormError, TextAreaField, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { hrefOf, navigate } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** Opens an idea box: a question to the whole organisation and its categories. */
export function NewIdeaBoxScreen() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [form, setForm] = useState({ title: '', question: t('ideas.new.defaultQuestion'), categories: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = submission.onSubmit(async () => {
    const categories = form.categories
      .split(/[\n,]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const { id } = await createActivity(api, { kind: 'ideas', title: form.title, question: form.question, categories });
    navigate({ name: 'idea-box', id });
  });

  return (
    <main id="main" className="page narrow">
      <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="new-box-title">
        <h1 id="new-box-title">{t('ideas.new.title')}</h1>
        <p className="muted">{t('ideas.new.intro')}</p>
        <TextField label={t('ideas.new.boxTitle')} value={form.title} onChange={set('title')} required autoFocus maxLength={200} error={submission.field('title')} />
        <TextAreaField label={t('ideas.new.question')} value={form.question} onChange={set('question')} required rows={2} maxLength={500} error={submission.field('question')} />
        <TextAreaField
          label={t('ideas.new.categories')}
          value={form.categories}
          onChange={set('categories')}
          rows={5}
          hint={t('ideas.new.categoriesHint')}
          error={submission.field('categories')}
        />
        <FormError message={submission.message} />
        <div className="form-actions">
          <a className="button ghost" href={hrefOf({ name: 'idea-boxes' })}>
            {t('new.cancel')}
          </a>
          <button className="button primary" type="submit" disabled={submission.busy}>
            {t('ideas.new.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
