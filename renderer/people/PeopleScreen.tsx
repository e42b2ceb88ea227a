import { useState } from 'react';
import { invite } from '../actions/people.ts';
import { listInvitations, listPeople } from '../api/people.ts';
import { TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { InvitationList } from './InvitationList.tsx';
import { PeopleList } from './PeopleList.tsx';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';

/** Administrators: invite people, follow invitations, edit, disable, enable or erase a person. */
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
