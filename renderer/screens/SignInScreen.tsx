import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client.ts';
import { signIn } from '../api/endpoints.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/use-session.tsx';

export function SignInScreen({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      const { token } = await signIn(api, { email, password });
      await signedIn(token);
    } catch (err) {
      errors.show(err, { invalid_credentials: t('signIn.failed') });
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-screen">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <TextField label={t('setup.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus error={errors.field('email')} autoComplete="email" />
        <TextField label={t('setup.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required error={errors.field('password')} autoComplete="current-password" />
        <FormError message={errors.message} />
        <button className="button primary wide" type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
        <a href="#/forgot-password">{t('forgot.link')}</a>
      </form>
    </main>
  );
}
