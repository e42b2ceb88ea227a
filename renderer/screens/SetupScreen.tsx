import { setUpOrganisation } from '../actions/activities.ts';
import type { ApiClient } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { OrganizationForm } from '../organization/OrganizationForm.tsx';
import { useSession } from '../state/use-session.tsx';

/** First run: the organisation and its first administrator, on one short screen. */
export function SetupScreen({ api }: { api: ApiClient }) {
  const { t, locale } = useI18n();
  const { signedIn } = useSession();
  return (
    <OrganizationForm
      title={t('setup.title')}
      intro={t('setup.intro')}
      submit={t('setup.submit')}
      onSubmit={async (form) => {
        const { token } = await setUpOrganisation(api, { ...form, locale });
        await signedIn(token);
      }}
    />
  );
}
