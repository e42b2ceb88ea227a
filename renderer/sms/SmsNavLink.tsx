import { useSession } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';

/** The navigation entry to the SMS gateway, shown to administrators only. */
export function SmsNavLink() {
  const { t } = useI18n();
  const { state } = useSession();
  return state.status === 'signed-in' && state.me.role === 'admin' && !state.me.guest ? <a href="#/sms">{t('sms.nav')}</a> : null;
}
