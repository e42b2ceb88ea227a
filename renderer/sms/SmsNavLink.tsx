import { useSmsText } from '../i18n/sms.ts';
import { useSession } from '../state/use-session.tsx';

/** The navigation entry to the SMS gateway, shown to administrators only. */
export function SmsNavLink() {
  const t = useSmsText();
  const { state } = useSession();
  return state.status === 'signed-in' && state.me.role === 'admin' ? <a href="#/sms">{t('nav')}</a> : null;
}
