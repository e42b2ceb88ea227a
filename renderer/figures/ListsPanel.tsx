import { useState } from 'react';
import { createRecipientList } from '../actions/figures.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { usePeopleAndGroups, useRecipientLists } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSubmit } from '../components/use-submit.ts';

/** Recipient lists: people and groups, picked by name. */
export function ListsPanel() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const lists = useRecipientLists();
  const directory = usePeopleAndGroups();
  const [name, setName] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const submission = useSubmit();
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const names = new Map((directory.data?.people ?? []).map((p) => [p.id, p.name]));
  const submit = submission.onSubmit(async () => {
    await createRecipientList(api, name, people, groups);
    setName('');
    setPeople([]);
    setGroups([]);
    lists.reload();
  });
  return (
    <section className="card lists-panel" aria-label={t('figures.lists')}>
      <h2>{t('figures.lists')}</h2>
      <ul className="recipient-lists">
        {(lists.data ?? []).map((l) => (
          <li key={l.id}>
            <strong>{l.name}</strong>{' '}
            <span className="muted small">{l.members.map((id) => names.get(id) ?? id).join(', ')}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-label={t('figures.createList')}>
        <TextField label={t('figures.listName')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <fieldset className="pick-list">
          <legend>{t('figures.people')}</legend>
          {(directory.data?.people ?? []).map((p) => (
            <label key={p.id} className="checkbox">
              <input type="checkbox" checked={people.includes(p.id)} onChange={() => setPeople(toggle(people, p.id))} />
              {p.name}
            </label>
          ))}
        </fieldset>
        {(directory.data?.groups.length ?? 0) > 0 && (
          <fieldset className="pick-list">
            <legend>{t('figures.groups')}</legend>
            {directory.data!.groups.map((g) => (
              <label key={g.id} className="checkbox">
                <input type="checkbox" checked={groups.includes(g.id)} onChange={() => setGroups(toggle(groups, g.id))} />
                {g.name}
              </label>
            ))}
          </fieldset>
        )}
        <FormError message={submission.message} />
        <button type="submit" className="button" disabled={submission.busy || name.trim() === '' || people.length + groups.length === 0}>
          {t('figures.createList')}
        </button>
      </form>
    </section>
  );
}
