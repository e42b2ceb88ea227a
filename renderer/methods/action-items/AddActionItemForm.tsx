import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { addActionItem } from '../../actions/action-items.ts';
import { useI18n } from '../../i18n/index.tsx';
import { todayHere } from './day.ts';
import { OwnerAndDue } from './OwnerAndDue.tsx';

interface Props {
  doc: Y.Doc;
  boardId: string;
  actor: Author;
  members: Author[];
  refreshMembers(): void;
}

/** Anyone who edits adds an item: a title, an owner among the members, a due day. */
export function AddActionItemForm({ doc, boardId, actor, members, refreshMembers }: Props) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(actor.id);
  const [due, setDue] = useState(todayHere());
  const owner = members.find((m) => m.id === ownerId) ?? (ownerId === actor.id ? actor : null);
  const ready = title.trim() !== '' && owner !== null && due !== '';

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready || !owner) return;
    addActionItem(doc, boardId, actor, { title, owner, due });
    setTitle('');
  }

  return (
    <form className="add-item add-action-item" onSubmit={submit}>
      <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('actions.newTitle')} aria-label={t('actions.newTitle')} maxLength={300} />
      <OwnerAndDue
        people={members.some((m) => m.id === actor.id) ? members : [actor, ...members]}
        ownerId={ownerId}
        onOwner={setOwnerId}
        due={due}
        onDue={setDue}
        refreshPeople={refreshMembers}
      />
      <button type="submit" className="button small" disabled={!ready}>
        {t('actions.add')}
      </button>
    </form>
  );
}
