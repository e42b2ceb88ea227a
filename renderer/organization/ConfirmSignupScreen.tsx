import { confirmSignup } from '../actions/organizations.ts';
import type { ApiClient } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';

/** The link e-mailed to a new organisation's first administrator: opening it confirms their address. */
export function ConfirmSignupScreen({ api, token }: { api: ApiClient; token: string }) {
  const { t } = useI18n();
  const done = useAsync(() => confirmSignup(api, token), [api, token]);
  const code = (done.error as { code?: string } | undefined)?.code;
  return (
    <main id="main" className="auth-screen">
      <section className="card auth-card" aria-labelledby="confirm-signup-title">
        <h1 id="confirm-signup-title">{t('confirmSignup.title')}</h1>
        {done.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {done.status === 'failed' && (
          <p role="alert" className="notice">
            {code === 'link_used' ? t('link.used') : code === 'link_expired' ? t('link.expired') : t('link.unknown')}
          </p>
        )}
        {done.status === 'ready' && <p role="status">{t('confirmSignup.done')}</p>}
        {done.status !== 'loading' && (
          <a className="button primary" href="#/activities">
            {t('confirmSignup.continue')}
          </a>
        )}
      </section>
    </main>
  );
}
