import { useState } from 'react';
import type { Group, User } from '#core/api/users';
import { createGroup } from '../actions/groups.ts';
import { listGroups } from '../api/endpoints.ts';
import { listPeople } from '../api/people.ts';
import { TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { GroupCard } from './GroupCard.tsx';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';

/** Administrators: create groups, see who is in each, rename, delete, add or remove one person. */
export function GroupsScreen() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const groups = useAsync(() => listGroups(api), [api]);
  const people = useAsync(() => listPeople(api), [api]);
  // Guests never join a group, and a disabled person is not offered.
  const candidates: User[] = people.status === 'ready' ? people.data.filter((p) => !p.guest && !p.disabled) : [];
  const names = new Map((people.status === 'ready' ? people.data : []).map((p) => [p.id, p.name]));
  const list: Group[] = groups.status === 'ready' ? groups.data : [];
  return (
    <main id="main" className="page groups">
      <div className="page-head">
        <h1>{t('groups.title')}</h1>
      </div>
      <NewGroupForm onCreated={groups.reload} />
      <section className="card" aria-labelledby="groups-list-title">
        <h2 id="groups-list-title">{t('groups.title')}</h2>
        {groups.status === 'ready' && list.length === 0 && <p className="muted">{t('groups.none')}</p>}
        <ul className="group-list">
          {list.map((g) => (
            <GroupCard key={g.id} group={g} names={names} candidates={candidates} onChange={groups.reload} />
          ))}
        </ul>
      </section>
    </main>
  );
}

function NewGroupForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="new-group-title">
      <h2 id="new-group-title">{t('groups.create.title')}</h2>
      <form
        aria-labelledby="new-group-title"
        noValidate
        onSubmit={(e) =>
          void action.run(async () => {
            setCreated(null);
            await createGroup(api, name);
            setCreated(name.trim());
            setName('');
            onCreated();
          }, e)
        }
      >
        <TextField label={t('groups.create.name')} value={name} onChange={(e) => setName(e.target.value)} required error={action.errors.field('name')} />
        <SubmitRow action={action} label={t('groups.create.submit')} done={created ? t('groups.created', { name: created }) : null} primary />
      </form>
    </section>
  );
}
