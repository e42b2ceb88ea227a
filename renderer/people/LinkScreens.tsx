import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { acceptInvitation, confirmEmailChange, requestPasswordReset, resetPassword } from '../actions/people.ts';
import { previewInvitation, previewPasswordReset } from '../api/people.ts';
import { TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSession } from '../state/use-session.tsx';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';

/** Screens opened from a link in an e-mail: they need no session. */
function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="auth-screen">
      <section className="card auth-card" aria-labelledby="link-title">
        <h1 id="link-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}

function LinkProblem({ error }: { error: Error }) {
  const { t } = useI18n();
  const code = (error as { code?: string }).code;
  const words = code === 'link_used' ? t('link.used') : code === 'link_expired' ? t('link.expired') : code === 'link_revoked' ? t('link.revoked') : t('link.unknown');
  return (
    <>
      <p role="alert" className="notice">{words}</p>
      <a href="#/">{t('forgot.back')}</a>
    </>
  );
}

export function AcceptInvitationScreen({ api, token }: { api: ApiClient; token: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const preview = useAsync(() => previewInvitation(api, token), [api, token]);
  const action = useAction();
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [smsOptIn, setSmsOptIn] = useState(false);
  if (preview.status === 'loading') return <AuthCard title={t('app.loading')}>{null}</AuthCard>;
  if (preview.status === 'failed') return <AuthCard title={t('link.unknown')}><LinkProblem error={preview.error} /></AuthCard>;
  const p = preview.data;
  const shownName = name ?? p.name ?? '';
  return (
    <AuthCard title={t('accept.title', { organization: p.organization })}>
      <p>{p.activityTitle ? t('accept.activity', { inviter: p.inviterName, activity: p.activityTitle }) : t('accept.organization', { inviter: p.inviterName, organization: p.organization })}</p>
      {p.guest && <p className="muted">{t('accept.guest')}</p>}
      <form
        noValidate
        onSubmit={(e) =>
          void action.run(async () => {
            const { token: session } = await acceptInvitation(api, token, {
              name: shownName,
              password,
              ...(phone.trim() ? { phone: phone.trim(), smsOptIn } : {}),
            });
            window.location.hash = '#/activities';
            await signedIn(session);
          }, e)
        }
      >
        <TextField label={t('setup.email')} value={p.email} readOnly />
        <TextField label={t('accept.name')} value={shownName} onChange={(e) => setName(e.target.value)} required autoComplete="name" error={action.errors.field('name')} />
        <TextField label={t('accept.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" error={action.errors.field('password')} />
        <TextField label={t('accept.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" error={action.errors.field('phone')} />
        {phone.trim() !== '' && (
          <label className="checkbox">
            <input type="checkbox" checked={smsOptIn} onChange={(e) => setSmsOptIn(e.target.checked)} /> {t('accept.smsOptIn', { organization: p.organization })}
          </label>
        )}
        <SubmitRow action={action} label={t('accept.submit')} primary wide />
      </form>
    </AuthCard>
  );
}

export function ForgotPasswordScreen({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  return (
    <AuthCard title={t('forgot.title')}>
      {sent ? (
        <p role="status">{t('forgot.sent')}</p>
      ) : (
        <form noValidate onSubmit={(e) => void action.run(() => requestPasswordReset(api, email).then(() => setSent(true)), e)}>
          <p className="muted">{t('forgot.intro')}</p>
          <TextField label={t('setup.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus autoComplete="email" error={action.errors.field('email')} />
          <SubmitRow action={action} label={t('forgot.submit')} primary wide />
        </form>
      )}
      <a href="#/">{t('forgot.back')}</a>
    </AuthCard>
  );
}

export function ResetPasswordScreen({ api, token }: { api: ApiClient; token: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const preview = useAsync(() => previewPasswordReset(api, token), [api, token]);
  const action = useAction();
  const [password, setPassword] = useState('');
  if (preview.status === 'loading') return <AuthCard title={t('app.loading')}>{null}</AuthCard>;
  if (preview.status === 'failed') return <AuthCard title={t('reset.title')}><LinkProblem error={preview.error} /></AuthCard>;
  return (
    <AuthCard title={t('reset.title')}>
      <p className="muted">{t('reset.for', { email: preview.data.email })}</p>
      <form
        noValidate
        onSubmit={(e) =>
          void action.run(async () => {
            const { token: session } = await resetPassword(api, token, password);
            window.location.hash = '#/activities';
            await signedIn(session);
          }, e)
        }
      >
        <TextField label={t('profile.password.new')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus autoComplete="new-password" error={action.errors.field('password')} />
        <SubmitRow action={action} label={t('reset.submit')} primary wide />
      </form>
    </AuthCard>
  );
}

export function ConfirmEmailScreen({ api, token }: { api: ApiClient; token: string }) {
  const { t } = useI18n();
  const done = useAsync(() => confirmEmailChange(api, token), [api, token]);
  return (
    <AuthCard title={t('confirmEmail.title')}>
      {done.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {done.status === 'failed' && <LinkProblem error={done.error} />}
      {done.status === 'ready' && (
        <>
          <p role="status">{t('confirmEmail.done', { email: done.data.email })}</p>
          <a className="button primary" href="#/activities">{t('confirmEmail.continue')}</a>
        </>
      )}
    </AuthCard>
  );
}
