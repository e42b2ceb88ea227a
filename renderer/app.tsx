import { AppHeader } from './components/AppHeader.tsx';
import { FigureScreen } from './figures/FigureScreen.tsx';
import { FiguresScreen } from './figures/FiguresScreen.tsx';
import { IdeaScreens } from './ideas/IdeaScreens.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { ActivityListScreen } from './screens/ActivityListScreen.tsx';
import { ActivityScreen } from './screens/ActivityScreen.tsx';
import { NewActivityScreen } from './screens/NewActivityScreen.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { AcceptInvitationScreen, ConfirmEmailScreen, ForgotPasswordScreen, ResetPasswordScreen } from './people/LinkScreens.tsx';
import { GroupsScreen } from './people/GroupsScreen.tsx';
import { PeopleScreen } from './people/PeopleScreen.tsx';
import { ProfileScreen } from './people/ProfileScreen.tsx';
import { MyActionsScreen } from './methods/action-items/MyActionsScreen.tsx';
import { SmsScreen } from './sms/SmsScreen.tsx';
import { ConfirmSignupScreen } from './organization/ConfirmSignupScreen.tsx';
import { OrganizationScreen } from './organization/OrganizationScreen.tsx';
import { SignUpScreen } from './organization/SignUpScreen.tsx';
import { useDeepLinks } from './state/use-deep-links.ts';
import { useRoute } from './state/use-route.ts';
import { SessionProvider, useSession } from './state/use-session.tsx';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <AppHeader />
        <Screens />
      </SessionProvider>
    </I18nProvider>
  );
}

function Screens() {
  const { t } = useI18n();
  const { state } = useSession();
  const route = useRoute();
  useDeepLinks(state.status === 'signed-in');
  if (state.status !== 'loading' && state.status !== 'unreachable') {
    switch (route.name) {
      case 'invite':
        return <AcceptInvitationScreen key={route.token} api={state.api} token={route.token} />;
      case 'reset-password':
        return <ResetPasswordScreen key={route.token} api={state.api} token={route.token} />;
      case 'confirm-email':
        return <ConfirmEmailScreen key={route.token} api={state.api} token={route.token} />;
      case 'confirm-signup':
        return <ConfirmSignupScreen key={route.token} api={state.api} token={route.token} />;
      case 'forgot-password':
        if (state.status === 'signed-out') return <ForgotPasswordScreen api={state.api} />;
        break;
      case 'sign-up':
        if (state.status === 'signed-out') return <SignUpScreen api={state.api} />;
    }
  }
  switch (state.status) {
    case 'loading':
      return <main id="main" className="page"><p className="muted">{t('app.loading')}</p></main>;
    case 'unreachable':
      return <main id="main" className="page"><p role="alert" className="notice">{t('error.network')}</p></main>;
    case 'needs-setup':
      return <SetupScreen api={state.api} />;
    case 'signed-out':
      return <SignInScreen api={state.api} />;
    case 'signed-in':
      switch (route.name) {
        case 'activities':
          return <ActivityListScreen />;
        case 'new-activity':
          return <NewActivityScreen />;
        case 'activity':
          return <ActivityScreen key={route.id} id={route.id} tab={route.tab} />;
        case 'figures':
          return <FiguresScreen />;
        case 'figure':
          return <FigureScreen key={route.id} id={route.id} />;
        case 'idea-boxes':
        case 'new-idea-box':
        case 'idea-box':
        case 'idea':
        case 'idea-author':
          return <IdeaScreens route={route} />;
        case 'sms':
          return <SmsScreen tab={route.tab} />;
        case 'profile':
          return <ProfileScreen />;
        case 'actions':
          return <MyActionsScreen />;
        case 'people':
          return state.me.role === 'admin' && !state.me.guest ? <PeopleScreen /> : <ProfileScreen />;
        case 'groups':
          return state.me.role === 'admin' && !state.me.guest ? <GroupsScreen /> : <ProfileScreen />;
        case 'organization':
          return state.me.guest ? <ProfileScreen /> : <OrganizationScreen />;
        default:
          return <ActivityListScreen />;
      }
  }
}
