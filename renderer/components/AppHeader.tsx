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
          {state.me.role === 'admin' && !state.me.guest && <a href="#/people">{t('nav.people')}</a>}
        </nav>
      )}
      <div className="app-header-end">
        <LanguageSwitch />
        {state.status === 'signed-in' && (
          <>
            <NoticesBell />
            <a className="signed-in-as" href="#/profile" title={`${t('nav.profile')} — ${state.me.email}`}>
              {state.me.name} · {state.me.organization.name}
            </a>
            <button type="button" className="button ghost" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
