import { useState } from 'react';
import { ActivityRole } from '#core/api/activities';
import { invite } from '../actions/people.ts';
import { listInvitations } from '../api/people.ts';
import { TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';

/** A facilitator invites someone to this activity by e-mail — a colleague, or a guest from outside — and sees who has not yet accepted. */
export function InviteByEmail({ activityId, onAdded }: { activityId: string; onAdded?: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const pending = useAsync(async () => (await listInvitations(api)).filter((i) => i.activityId === activityId && i.status === 'pending'), [api, activityId]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ActivityRole>('contributor');
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div className="invite-by-email">
      <form
        noValidate
        aria-label={t('invite.toActivity')}
        onSubmit={(e) =>
          void action.run(async () => {
            const made = await invite(api, { email, activityId, activityRole: role });
            if ('added' in made) {
              setSent(t('invite.addedInstead', { name: made.name }));
              onAdded?.();
            } else setSent(made.guest ? t('invite.sentGuest', { email }) : t('invite.sent', { email }));
            setEmail('');
            pending.reload();
          }, e)
        }
      >
        <h3>{t('invite.toActivity')}</h3>
        <TextField label={t('invite.email')} type="email" value={email} onChange={(e) => (setEmail(e.target.value), setSent(null))} required error={action.errors.field('email')} />
        <div className="field">
          <label htmlFor={`invite-role-${activityId}`}>{t('invite.role')}</label>
          <select id={`invite-role-${activityId}`} value={role} onChange={(e) => setRole(ActivityRole.parse(e.target.value))}>
            {ActivityRole.options.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <SubmitRow action={action} label={t('invite.submit')} done={sent} />
      </form>
      {pending.status === 'ready' && pending.data.length > 0 && (
        <ul className="people-list" aria-label={t('invitations.title')}>
          {pending.data.map((i) => (
            <li key={i.id}>
              <span>{i.email}</span>
              {i.guest && <span className="badge">{t('people.guest')}</span>}
              <span className="muted">{t('invitations.expires', { date: formatDateTime(i.expiresAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
