import { useState } from 'react';
import type { NotificationKind} from '#core/api/notifications';
import { type NotificationSettings } from '#core/api/notifications';
import {
  changePassword,
  confirmPhone,
  removePhone,
  requestEmailChange,
  requestPhoneCode,
  revokeOtherSessions,
  revokeSession,
  saveNotificationSettings,
  updateProfile,
} from '../actions/people.ts';
import { exportMyData, listSessions, notificationSettings } from '../api/people.ts';
import { loadToken } from '../api/relay.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSession, useSignedIn } from '../state/use-session.tsx';
import { deviceLabel } from './device-label.ts';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';
import { TableScroll } from '../components/TableScroll.tsx';

/** A person's own account: name and language, e-mail, phone, password, sessions, notifications, their data. */
export function ProfileScreen() {
  const { t } = useI18n();
  return (
    <main id="main" className="page profile">
      <div className="page-head">
        <h1>{t('profile.title')}</h1>
      </div>
      <NameAndLanguage />
      <EmailChange />
      <PhoneChange />
      <PasswordChange />
      <Sessions />
      <NotificationPrefs />
      <MyData />
    </main>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="card profile-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function NameAndLanguage() {
  const { t, setLocale } = useI18n();
  const { api, me } = useSignedIn();
  const { signedIn } = useSession();
  const action = useAction();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState<'fr' | 'en' | ''>(me.language ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <Section id="profile-name" title={t('profile.name')}>
      <form
        noValidate
        onSubmit={(e) =>
          void action.run(async () => {
            await updateProfile(api, { name, language: language || null });
            if (language) setLocale(language);
            setSaved(true);
            await signedIn(await currentToken());
          }, e)
        }
      >
        <TextField label={t('profile.name')} value={name} onChange={(e) => (setName(e.target.value), setSaved(false))} required autoComplete="name" error={action.errors.field('name')} />
        <div className="field">
          <label htmlFor="profile-language">{t('profile.language')}</label>
          <select id="profile-language" value={language} onChange={(e) => (setLanguage(e.target.value === 'fr' || e.target.value === 'en' ? e.target.value : ''), setSaved(false))}>
            <option value="">{t('profile.language.default')}</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <SubmitRow action={action} label={t('profile.save')} done={saved ? t('profile.saved') : null} primary />
      </form>
    </Section>
  );
}

/** The stored session token, to reload who we are after a change. */
const currentToken = async () => (await loadToken()) ?? '';

function EmailChange() {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState(false);
  return (
    <Section id="profile-email" title={t('profile.email.title')}>
      <p className="muted">{t('profile.email.current', { email: me.email })}</p>
      {sent ? (
        <p role="status">{t('profile.email.sent')}</p>
      ) : (
        <form noValidate onSubmit={(e) => void action.run(() => requestEmailChange(api, email, password).then(() => setSent(true)), e, { invalid_credentials: t('signIn.failed') })}>
          <TextField label={t('profile.email.new')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" error={action.errors.field('email')} />
          <TextField label={t('profile.email.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
          <SubmitRow action={action} label={t('profile.email.submit')} />
        </form>
      )}
    </Section>
  );
}

function PhoneChange() {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const { signedIn } = useSession();
  const action = useAction();
  const [phone, setPhone] = useState('');
  const [optIn, setOptIn] = useState(false);
  const [code, setCode] = useState('');
  const [waiting, setWaiting] = useState(false);
  const reload = async () => signedIn(await currentToken());
  return (
    <Section id="profile-phone" title={t('profile.phone.title')}>
      <p className="muted">{me.phone ? t('profile.phone.current', { phone: me.phone }) : t('profile.phone.none')}</p>
      {waiting ? (
        <form noValidate onSubmit={(e) => void action.run(() => confirmPhone(api, code).then(reload), e)}>
          <TextField label={t('profile.phone.code')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required error={action.errors.field('code')} />
          <SubmitRow action={action} label={t('profile.phone.confirm')} primary />
        </form>
      ) : (
        <form noValidate onSubmit={(e) => void action.run(() => requestPhoneCode(api, phone, optIn).then(() => setWaiting(true)), e)}>
          <TextField label={t('profile.phone.new')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} required autoComplete="tel" error={action.errors.field('phone')} />
          <label className="checkbox">
            <input type="checkbox" checked={optIn} onChange={(e) => setOptIn(e.target.checked)} /> {t('profile.phone.optIn')}
          </label>
          <FormError message={action.errors.message} />
          <div className="actions">
            <button className="button" type="submit" disabled={action.busy}>
              {t('profile.phone.submit')}
            </button>
            {me.phone && (
              <button className="button ghost" type="button" disabled={action.busy} onClick={() => void action.run(() => removePhone(api).then(reload))}>
                {t('profile.phone.remove')}
              </button>
            )}
          </div>
        </form>
      )}
    </Section>
  );
}

function PasswordChange() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  return (
    <Section id="profile-password" title={t('profile.password.title')}>
      <form noValidate onSubmit={(e) => void action.run(() => changePassword(api, current, next).then(() => setDone(true)), e, { invalid_credentials: t('signIn.failed') })}>
        <TextField label={t('profile.password.current')} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
        <TextField label={t('profile.password.new')} type="password" value={next} onChange={(e) => setNext(e.target.value)} required autoComplete="new-password" error={action.errors.field('password')} />
        <SubmitRow action={action} label={t('profile.password.submit')} done={done ? t('profile.password.done') : null} />
      </form>
    </Section>
  );
}

function Sessions() {
  const { t, formatRelative } = useI18n();
  const { api } = useSignedIn();
  const sessions = useAsync(() => listSessions(api), [api]);
  const action = useAction();
  return (
    <Section id="profile-sessions" title={t('sessions.title')}>
      {sessions.status === 'ready' && (
        <ul className="session-list">
          {sessions.data.map((s) => (
            <li key={s.id}>
              <strong title={s.device ?? undefined}>{(s.device && deviceLabel(s.device, t('sessions.desktopApp'))) ?? s.device ?? t('sessions.unknownDevice')}</strong>
              {s.current && <span className="badge">{t('sessions.current')}</span>}
              <span className="muted">
                {t('sessions.created', { date: formatRelative(s.createdAt) })}
                {s.lastSeenAt ? ` · ${t('sessions.lastSeen', { date: formatRelative(s.lastSeenAt) })}` : ''}
              </span>
              {!s.current && (
                <button className="button ghost" type="button" disabled={action.busy} onClick={() => void action.run(() => revokeSession(api, s.id).then(sessions.reload))}>
                  {t('sessions.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={action.errors.message} />
      <button className="button" type="button" disabled={action.busy} onClick={() => void action.run(() => revokeOtherSessions(api).then(sessions.reload))}>
        {t('sessions.revokeOthers')}
      </button>
    </Section>
  );
}

function NotificationPrefs() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const loaded = useAsync(() => notificationSettings(api), [api]);
  const action = useAction();
  const [edited, setEdited] = useState<NotificationSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const settings = edited ?? (loaded.status === 'ready' ? loaded.data : null);
  if (!settings) return null;
  const change = (next: NotificationSettings) => (setEdited(next), setSaved(false));
  const toggle = (kind: NotificationKind, channel: 'email' | 'sms', on: boolean) =>
    change({ ...settings, prefs: settings.prefs.map((p) => (p.kind === kind ? { ...p, [channel]: on } : p)) });
  return (
    <Section id="profile-notifications" title={t('notify.title')}>
      <p className="muted">{t('notify.intro')}</p>
      <form noValidate onSubmit={(e) => void action.run(() => saveNotificationSettings(api, settings).then(() => setSaved(true)), e)}>
        <TableScroll label={t('notify.title')}>
          <table className="prefs-table">
            <thead>
              <tr>
                <th scope="col">{t('notify.kind')}</th>
                <th scope="col">{t('notify.email')}</th>
                <th scope="col">{t('notify.sms')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.prefs.map((p) => (
                <tr key={p.kind}>
                  <th scope="row">{t(`notify.kind.${p.kind}`)}</th>
                  <td>
                    <input type="checkbox" aria-label={`${t(`notify.kind.${p.kind}`)} — ${t('notify.email')}`} checked={p.email} onChange={(e) => toggle(p.kind, 'email', e.target.checked)} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`${t(`notify.kind.${p.kind}`)} — ${t('notify.sms')}`} checked={p.sms} onChange={(e) => toggle(p.kind, 'sms', e.target.checked)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <label className="checkbox">
          <input type="checkbox" checked={settings.digest === 'daily'} onChange={(e) => change({ ...settings, digest: e.target.checked ? 'daily' : 'none' })} /> {t('notify.digest')}
        </label>
        <SubmitRow action={action} label={t('profile.save')} done={saved ? t('profile.saved') : null} primary />
      </form>
    </Section>
  );
}

function MyData() {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const action = useAction();
  const download = async () => {
    const url = URL.createObjectURL(await exportMyData(api));
    const a = document.createElement('a');
    a.href = url;
    a.download = `conclave-${me.id}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Section id="profile-data" title={t('export.title')}>
      <p className="muted">{t('export.intro')}</p>
      <FormError message={action.errors.message} />
      <button className="button" type="button" disabled={action.busy} onClick={() => void action.run(download)}>
        {t('export.submit')}
      </button>
    </Section>
  );
}
