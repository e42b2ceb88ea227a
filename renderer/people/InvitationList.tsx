import { useState } from 'react';
import type { Invitation } from '#core/api/invitations';
import { resendInvitation, revokeInvitation } from '../actions/people.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';
import { useAction } from './use-action.ts';

/** Invitations not yet accepted: who, to what, until when; send again (a new link) or withdraw. */
export function InvitationList({ invitations, onChange }: { invitations: Invitation[]; onChange: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const open = invitations.filter((i) => i.status !== 'accepted');
  const shown = open.filter((i) => !q || i.email.toLowerCase().includes(q) || (i.name ?? '').toLowerCase().includes(q)).slice(0, 200);
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      {open.length > 5 && <TextField label={t('admin.invitations.search')} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
      {shown.length === 0 && <p className="muted">{t('invitations.none')}</p>}
      <ul className="people-list">
        {shown.map((i) => (
          <li key={i.id}>
            <span>
              <strong>{i.name ?? i.email}</strong> {i.name && <span className="muted">{i.email}</span>}
              {i.activityTitle && <span className="muted"> {t('admin.invitations.activity', { title: i.activityTitle })}</span>}
            </span>
            {i.guest && <span className="badge">{t('people.guest')}</span>}
            <span className="badge">{t(`invitations.status.${i.status}`)}</span>
            {i.status === 'pending' && <span className="muted">{t('invitations.expires', { date: formatDateTime(i.expiresAt) })}</span>}
            {i.sentCount > 1 && <span className="muted">{t('admin.invitations.sentCount', { count: i.sentCount })}</span>}
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
