import { signUpOrganization } from '../actions/organizations.ts';
import type { ApiClient } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/use-session.tsx';
import { OrganizationForm } from './OrganizationForm.tsx';

/** An organisation signs up on a relay whose operator allows it (POST /api/organizations), then lands on its plan screen. */
export function SignUpScreen({ api }: { api: ApiClient }) {
  const { t, locale } = useI18n();
  const { signedIn } = useSession();
  return (
    <OrganizationForm
      title={t('signup.title')}
      intro={t('signup.intro')}
      submit={t('signup.submit')}
      onSubmit={async (form) => {
        const { token } = await signUpOrganization(api, { ...form, locale });
        window.location.hash = '#/organization';
        await signedIn(token);
      }}
    >
      <a href="#/">{t('signup.haveAccount')}</a>
    </OrganizationForm>
  );
}
