import type { ApiClient } from '../api/client.ts';
import { signupStatus } from '../api/organizations.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';

/** Under the sign-in form, when the relay lets organisations sign up. */
export function SignUpLink({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const status = useAsync(() => signupStatus(api), [api]);
  if (status.status !== 'ready' || !status.data.open) return null;
  return <a href="#/sign-up">{t('signup.link')}</a>;
}
