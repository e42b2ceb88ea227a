import { useState } from 'react';
import type { User } from '#core/api/users';
import { erasePerson, setDisabled, setRole, updatePerson } from '../actions/people.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';
import { SubmitRow } from './SubmitRow.tsx';
import { useAction } from './use-action.ts';

/** Everyone of the organisation, disabled people included, with search; an administrator edits, disables, enables or erases. */
export function PeopleList({ people, onChange }: { people: User[]; onChange: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  // A number matches as typed nationally or internationally: 06 12…, +33 6 12…, 612….
  const digits = q.replace(/\D/g, '').replace(/^0+/, '');
  const matching = people.filter(
    (p) => !q || p.name.toLowerCase().includes(q) || p.email.toLowerCase().includes(q) || (digits.length >= 4 && (p.phone ?? '').includes(digits)),
  );
  const shown = matching.slice(0, 500);
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('people.title')}</h2>
      <TextField label={t('people.search')} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {q && <p className="muted">{t('admin.person.count', { shown: matching.length, total: people.length })}</p>}
      {shown.length === 0 && <p className="muted">{t('people.none')}</p>}
      <ul className="people-list">
        {shown.map((p) => (
          <PersonRow key={p.id} person={p} onChange={onChange} />
        ))}
      </ul>
    </section>
  );
}

function PersonRow({ person: p, onChange }: { person: User; onChange: () => void }) {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const toggle = () => {
    const question = p.disabled ? t('admin.person.enableConfirm', { name: p.name }) : t('admin.person.disableConfirm', { name: p.name });
    if (window.confirm(question)) void action.run(() => setDisabled(api, p.id, !p.disabled).then(onChange));
  };
  const erase = () => {
    if (window.confirm(t('people.eraseConfirm', { name: p.name }))) void action.run(() => erasePerson(api, p.id).then(onChange));
  };
  return (
    <li aria-label={p.name}>
      <span>
        <strong>{p.name}</strong> <span className="muted">{p.email} · {p.phone ?? t('admin.person.noPhone')}</span>
      </span>
      {p.guest && <span className="badge">{t('people.guest')}</span>}
      {p.disabled && <span className="badge">{t('people.disabled')}</span>}
      <button className="button ghost" type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        {t('admin.person.edit', { name: p.name })}
      </button>
      {p.id !== me.id && (
        <>
          {!p.guest && !p.disabled && (
            <select aria-label={t('people.roleOf', { name: p.name })} value={p.role} disabled={action.busy} onChange={(e) => void action.run(() => setRole(api, p.id, e.target.value === 'admin' ? 'admin' : 'member').then(onChange))}>
              <option value="member">{t('invite.role.member')}</option>
              <option value="admin">{t('invite.role.admin')}</option>
            </select>
          )}
          <button className="button ghost" type="button" disabled={action.busy} onClick={toggle}>
            {p.disabled ? t('people.enable') : t('people.disable')}
          </button>
          <button className="button ghost danger" type="button" disabled={action.busy} onClick={erase}>
            {t('people.erase')}
          </button>
        </>
      )}
      <FormError message={action.errors.message} />
      {editing && <EditPersonForm person={p} onSaved={onChange} onClose={() => setEditing(false)} />}
    </li>
  );
}

/** Name and phone, as an administrator corrects them; the relay checks the phone (E.164) and says what is wrong under the field. */
function EditPersonForm({ person, onSaved, onClose }: { person: User; onSaved: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const action = useAction();
  const [name, setName] = useState(person.name);
  const [phone, setPhone] = useState(person.phone ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="person-edit"
      aria-label={t('admin.person.editTitle', { name: person.name })}
      noValidate
      onSubmit={(e) =>
        void action
          .run(async () => {
            setSaved(false);
            await updatePerson(api, person.id, { name: name.trim(), phone: phone.trim() ? phone.trim() : null });
          }, e)
          .then((ok) => {
            if (!ok) return;
            setSaved(true);
            onSaved();
          })
      }
    >
      <TextField label={t('admin.person.name')} value={name} onChange={(e) => setName(e.target.value)} required error={action.errors.field('name')} />
      <TextField
        label={t('admin.person.phone')}
        hint={t('admin.person.phoneHint')}
        type="tel"
        autoComplete="off"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={action.errors.field('phone')}
      />
      <div className="form-actions">
        <SubmitRow action={action} label={t('admin.person.save')} done={saved ? t('admin.person.saved') : null} primary />
        <button className="button ghost" type="button" onClick={onClose}>
          {t('admin.person.cancel')}
        </button>
      </div>
    </form>
  );
}
