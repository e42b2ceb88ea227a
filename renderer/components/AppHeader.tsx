import { useEffect, useState } from 'react';
import { FiguresNavLink } from '../figures/FiguresNavLink.tsx';
import { useI18n } from '../i18n/index.tsx';
import { NoticesBell } from '../notices/NoticesBell.tsx';
import { SmsNavLink } from '../sms/SmsNavLink.tsx';
import { useSession } from '../state/use-session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/**
 * The bar above every screen. Signed in, on a narrow window (a phone), the navigation,
 * language, profile and sign-out fold into a menu behind one button; the bell stays out.
 */
export function AppHeader() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    const close = () => setMenuOpen(false);
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, []);
  return (
    <header className={`app-header${signedIn ? ' foldable' : ''}${menuOpen ? ' menu-open' : ''}`}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <a className="brand" href="#/activities">
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </a>
      <div id="app-menu" className="app-menu">
        {signedIn && (
          <nav aria-label={t('nav.activities')}>
            <a href="#/activities">{t('nav.activities')}</a>
            <a href="#/actions">{t('actions.nav')}</a>
            <FiguresNavLink />
            <a href="#/ideas">{t('nav.ideas')}</a>
            <SmsNavLink />
            {state.me.role === 'admin' && !state.me.guest && (
              <>
                <a href="#/people">{t('nav.people')}</a>
                <a href="#/groups">{t('nav.groups')}</a>
                <a href="#/organization">{t('organization.nav')}</a>
              </>
            )}
          </nav>
        )}
        <div className="app-header-end">
          <LanguageSwitch />
          {signedIn && (
            <>
              <a className="signed-in-as" href="#/profile" title={`${t('nav.profile')} — ${state.me.email}`}>
                {state.me.name} · {state.me.organization.name}
              </a>
              <button type="button" className="button ghost" onClick={() => void signOut()}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </div>
      {signedIn && (
        <div className="app-header-tools">
          <NoticesBell />
          <button type="button" className="button ghost menu-toggle" aria-expanded={menuOpen} aria-controls="app-menu" onClick={() => setMenuOpen(!menuOpen)}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d="M4 6h16v2H4zm0 5h16v2H4zm0 5h16v2H4z" fill="currentColor" />
            </svg>
            {t('nav.menu')}
          </button>
        </div>
      )}
    </header>
  );
}
