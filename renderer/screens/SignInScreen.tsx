import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { signIn } from '../actions/activities.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { SignUpLink } from '../organization/SignUpLink.tsx';
import { useSession } from '../state/use-session.tsx';

export function SignInScreen({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const submission = useSubmit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = submission.onSubmit(async () => {
    const { token } = await signIn(api, { email, password });
    await signedIn(token);
  }, { invalid_credentials: t('signIn.failed') });

  return (
    <main id="main" className="auth-screen">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <TextField label={t('setup.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus error={submission.field('email')} autoComplete="email" />
        <TextField label={t('setup.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required error={submission.field('password')} autoComplete="current-password" />
        <FormError message={submission.message} />
        <button className="button primary wide" type="submit" disabled={submission.busy}>
          {t('signIn.submit')}
        </button>
        <a href="#/forgot-password">{t('forgot.link')}</a>
        <SignUpLink api={api} />
      </form>
    </main>
  );
}
