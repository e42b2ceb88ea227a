import { useState } from 'react';
import type { Invitation } from '#core/api/invitations';
import type { User } from '#core/api/users';
import { erasePerson, invite, resendInvitation, revokeInvitation, setDisabled, setRole } from '../actions/people.ts';
import { listInvitations, listPeople } from '../api/people.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';

/** Administrators: invite people, follow invitations, disable, enable or erase a person. */
export function PeopleScreen() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const people = useAsync(() => listPeople(api), [api]);
  const invitations = useAsync(() => listInvitations(api), [api]);
  return (
    <main id="main" className="page people">
      <div className="page-head">
        <h1>{t('people.title')}</h1>
      </div>
      <InviteForm onSent={invitations.reload} />
      <InvitationList invitations={invitations.status === 'ready' ? invitations.data : []} onChange={invitations.reload} />
      <PeopleList people={people.status === 'ready' ? people.data : []} onChange={people.reload} />
    </main>
  );
}

function InviteForm({ onSent }: { onSent: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'member' | 'admin'>('member');
  const [sent, setSent] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <form
        noValidate
        onSubmit={(e) =>
          void action.run(async () => {
            await invite(api, { email, role, ...(name.trim() ? { name: name.trim() } : {}) });
            setSent(email);
            setEmail('');
            setName('');
            onSent();
          }, e)
        }
      >
        <TextField label={t('invite.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required error={action.errors.field('email')} />
        <TextField label={t('invite.name')} value={name} onChange={(e) => setName(e.target.value)} error={action.errors.field('name')} />
        <div className="field">
          <label htmlFor="invite-role">{t('invite.role')}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'member')}>
            <option value="member">{t('invite.role.member')}</option>
            <option value="admin">{t('invite.role.admin')}</option>
          </select>
        </div>
        <SubmitRow action={action} label={t('invite.submit')} done={sent ? t('invite.sent', { email: sent }) : null} primary />
      </form>
    </section>
  );
}

function InvitationList({ invitations, onChange }: { invitations: Invitation[]; onChange: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const shown = invitations.filter((i) => i.status !== 'accepted').slice(0, 200);
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      {shown.length === 0 && <p className="muted">{t('invitations.none')}</p>}
      <ul className="people-list">
        {shown.map((i) => (
          <li key={i.id}>
            <span>
              <strong>{i.name ?? i.email}</strong> {i.name && <span className="muted">{i.email}</span>}
            </span>
            <span className="badge">{t(`invitations.status.${i.status}`)}</span>
            {i.status === 'pending' && <span className="muted">{t('invitations.expires', { date: formatDateTime(i.expiresAt) })}</span>}
            {i.status !== 'revoked' && (
              <button className="button ghost" type="button" disabled={action.busy} onClick={() => void action.run(() => resendInvitation(api, i.id).then(onChange))}>
                {t('invitations.resend')}
              </button>
            )}
            {i.status === 'pending' && (
              <button className="button ghost" type="button" disabled={action.busy} onClick={() => void action.run(() => revokeInvitation(api, i.id).then(onChange))}>
                {t('invitations.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError message={action.errors.message} />
    </section>
  );
}

function PeopleList({ people, onChange }: { people: User[]; onChange: () => void }) {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const action = useAction();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = people.filter((p) => !q || p.name.toLowerCase().includes(q) || p.email.includes(q)).slice(0, 500);
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('people.title')}</h2>
      <TextField label={t('people.search')} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {shown.length === 0 && <p className="muted">{t('people.none')}</p>}
      <ul className="people-list">
        {shown.map((p) => (
          <li key={p.id}>
            <span>
              <strong>{p.name}</strong> <span className="muted">{p.email}</span>
            </span>
            {p.guest && <span className="badge">{t('people.guest')}</span>}
            {p.disabled && <span className="badge">{t('people.disabled')}</span>}
            {p.id !== me.id && (
              <>
                {!p.guest && !p.disabled && (
                  <select aria-label={t('people.roleOf', { name: p.name })} value={p.role} disabled={action.busy} onChange={(e) => void action.run(() => setRole(api, p.id, e.target.value === 'admin' ? 'admin' : 'member').then(onChange))}>
                    <option value="member">{t('invite.role.member')}</option>
                    <option value="admin">{t('invite.role.admin')}</option>
                  </select>
                )}
                <button className="button ghost" type="button" disabled={action.busy} onClick={() => void action.run(() => setDisabled(api, p.id, !p.disabled).then(onChange))}>
                  {p.disabled ? t('people.enable') : t('people.disable')}
                </button>
                <button
                  className="button ghost danger"
                  type="button"
                  disabled={action.busy}
                  onClick={() => {
                    if (window.confirm(t('people.eraseConfirm', { name: p.name }))) void action.run(() => erasePerson(api, p.id).then(onChange));
                  }}
                >
                  {t('people.erase')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <FormError message={action.errors.message} />
    </section>
  );
}
