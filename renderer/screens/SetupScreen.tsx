import { useState, type FormEvent } from 'react';
import { setUp } from '../api/endpoints.ts';
import type { ApiClient } from '../api/client.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/use-session.tsx';

/** First run: the organisation and its first administrator, on one short screen. */
export function SetupScreen({ api }: { api: ApiClient }) {
  const { t, locale } = useI18n();
  const { signedIn } = useSession();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ organization: '', name: '', email: '', password: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      const { token } = await setUp(api, { ...form, locale });
      await signedIn(token);
    } catch (err) {
      errors.show(err);
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-screen">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <TextField label={t('setup.organization')} value={form.organization} onChange={set('organization')} required autoFocus error={errors.field('organization')} autoComplete="organization" />
        <TextField label={t('setup.name')} value={form.name} onChange={set('name')} required error={errors.field('name')} autoComplete="name" />
        <TextField label={t('setup.email')} type="email" value={form.email} onChange={set('email')} required error={errors.field('email')} autoComplete="email" />
        <TextField
          label={t('setup.password')}
          type="password"
          value={form.password}
          onChange={set('password')}
          required
          minLength={10}
          hint={t('setup.passwordHint')}
          error={errors.field('password')}
          autoComplete="new-password"
        />
        <FormError message={errors.message} />
        <button className="button primary wide" type="submit" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
