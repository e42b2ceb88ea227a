import { useState } from 'react';
import { setUpOrganisation } from '../actions/activities.ts';
import type { ApiClient } from '../api/client.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/use-session.tsx';

/** First run: the organisation and its first administrator, on one short screen. */
export function SetupScreen({ api }: { api: ApiClient }) {
  const { t, locale } = useI18n();
  const { signedIn } = useSession();
  const submission = useSubmit();
  const [form, setForm] = useState({ organization: '', name: '', email: '', password: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = submission.onSubmit(async () => {
    const { token } = await setUpOrganisation(api, { ...form, locale });
    await signedIn(token);
  });

  return (
    <main id="main" className="auth-screen">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <TextField label={t('setup.organization')} value={form.organization} onChange={set('organization')} required autoFocus error={submission.field('organization')} autoComplete="organization" />
        <TextField label={t('setup.name')} value={form.name} onChange={set('name')} required error={submission.field('name')} autoComplete="name" />
        <TextField label={t('setup.email')} type="email" value={form.email} onChange={set('email')} required error={submission.field('email')} autoComplete="email" />
        <TextField
          label={t('setup.password')}
          type="password"
          value={form.password}
          onChange={set('password')}
          required
          minLength={10}
          hint={t('setup.passwordHint')}
          error={submission.field('password')}
          autoComplete="new-password"
        />
        <FormError message={submission.message} />
        <button className="button primary wide" type="submit" disabled={submission.busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
