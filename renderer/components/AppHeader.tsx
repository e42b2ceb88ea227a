import { FiguresNavLink } from '../figures/FiguresNavLink.tsx';
import { useI18n } from '../i18n/index.tsx';
import { NoticesBell } from '../notices/NoticesBell.tsx';
import { SmsNavLink } from '../sms/SmsNavLink.tsx';
import { useSession } from '../state/use-session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function AppHeader() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <a className="brand" href="#/activities">
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </a>
      {state.status === 'signed-in' && (
        <nav aria-label={t('nav.activities')}>
          <a href="#/activities">{t('nav.activities')}</a>
          <FiguresNavLink />
          <a href="#/ideas">{t('nav.ideas')}</a>
          <SmsNavLink />
        </nav>
      )}
      <div className="app-header-end">
        <LanguageSwitch />
        {state.status === 'signed-in' && (
          <>
            <NoticesBell />
            <span className="signed-in-as" title={state.me.email}>
              {state.me.name} · {state.me.organization.name}
            </span>
            <button type="button" className="button ghost" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
