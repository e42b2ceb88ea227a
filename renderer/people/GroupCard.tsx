import { useId, useState } from 'react';
import type { Group, User } from '#core/api/users';
import { addGroupMember, deleteGroup, removeGroupMember, renameGroup } from '../actions/groups.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';

type Props = { group: Group; names: Map<string, string>; candidates: User[]; onChange: () => void };

/** One group on the Groups screen: its members shown on demand, renamed, deleted, one person added or removed. */
export function GroupCard({ group, names, candidates, onChange }: Props) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const membersId = useId();
  const remove = () => {
    if (window.confirm(t('groups.deleteConfirm', { name: group.name }))) void action.run(() => deleteGroup(api, group.id).then(onChange));
  };
  return (
    <li aria-label={group.name}>
      <span>
        <strong>{group.name}</strong> <span className="muted">{t('groups.members', { count: group.members.length })}</span>
      </span>
      <button className="button ghost" type="button" aria-expanded={open} aria-controls={membersId} onClick={() => setOpen(!open)}>
        {open ? t('groups.hide') : t('groups.show')}
      </button>
      <button className="button ghost" type="button" aria-expanded={renaming} onClick={() => setRenaming(!renaming)}>
        {t('groups.rename')}
      </button>
      <button className="button ghost danger" type="button" disabled={action.busy} onClick={remove}>
        {t('groups.delete', { name: group.name })}
      </button>
      <FormError message={action.errors.message} />
      {renaming && (
        <RenameForm
          group={group}
          onDone={() => {
            setRenaming(false);
            onChange();
          }}
        />
      )}
      {open && (
        <div id={membersId}>
          <GroupMembers group={group} names={names} onChange={onChange} />
          <AddMemberForm group={group} candidates={candidates.filter((p) => !group.members.includes(p.id))} onAdded={onChange} />
        </div>
      )}
    </li>
  );
}

function RenameForm({ group, onDone }: { group: Group; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [name, setName] = useState(group.name);
  return (
    <form noValidate aria-label={t('groups.renameLabel', { name: group.name })} onSubmit={(e) => void action.run(() => renameGroup(api, group.id, name).then(onDone), e)}>
      <TextField label={t('groups.renameLabel', { name: group.name })} value={name} onChange={(e) => setName(e.target.value)} required error={action.errors.field('name')} />
      <SubmitRow action={action} label={t('groups.renameSubmit')} primary />
    </form>
  );
}

function GroupMembers({ group, names, onChange }: { group: Group; names: Map<string, string>; onChange: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  if (group.members.length === 0) return <p className="muted">{t('groups.empty')}</p>;
  const members = group.members.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <ul className="people-list" aria-label={t('groups.membersOf', { name: group.name })}>
        {members.map((m) => (
          <li key={m.id}>
            <span>{m.name}</span>
            <button
              className="button ghost"
              type="button"
              aria-label={t('groups.remove', { person: m.name, group: group.name })}
              disabled={action.busy}
              onClick={() => void action.run(() => removeGroupMember(api, group.id, m.id).then(onChange))}
            >
              {t('groups.removeShort')}
            </button>
          </li>
        ))}
      </ul>
      <FormError message={action.errors.message} />
    </>
  );
}

function AddMemberForm({ group, candidates, onAdded }: { group: Group; candidates: User[]; onAdded: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [userId, setUserId] = useState('');
  const selectId = useId();
  return (
    <form
      noValidate
      aria-label={t('groups.add', { name: group.name })}
      onSubmit={(e) =>
        void action.run(async () => {
          if (!userId) return;
          await addGroupMember(api, group.id, userId);
          setUserId('');
          onAdded();
        }, e)
      }
    >
      <div className="field">
        <label htmlFor={selectId}>{t('groups.add', { name: group.name })}</label>
        <select id={selectId} value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{t('groups.pick')}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <SubmitRow action={action} label={t('groups.addSubmit')} />
    </form>
  );
}
