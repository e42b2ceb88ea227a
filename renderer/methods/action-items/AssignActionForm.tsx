import { useState } from 'react';
import type { NewActionRequest } from '#core/api/action-items';
import { FormError } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useActivityMembers } from '../../state/use-action-items.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { todayHere } from './day.ts';
import { OwnerAndDue } from './OwnerAndDue.tsx';

interface Props {
  activityId: string;
  /** Sends the item (through the relay's POST /api/activities/:id/actions, by a renderer action). */
  assign(input: Omit<NewActionRequest, 'source'>): Promise<unknown>;
  /** Names the form: what the item comes from ("Assign", "Action item from “Budget”"). */
  label: string;
  onAssigned?(): void | Promise<void>;
}

/** One form to assign an action item: a title, an owner among the activity's members, a due day. */
export function AssignActionForm({ activityId, assign, label, onAssigned }: Props) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const members = useActivityMembers(activityId);
  const submission = useSubmit();
  const [form, setForm] = useState({ title: '', ownerId: '', due: todayHere() });
  const ownerId = form.ownerId || me.id;
  const submit = submission.onSubmit(async () => {
    await assign({ title: form.title, ownerId, due: form.due });
    setForm({ ...form, title: '' });
    await onAssigned?.();
  });
  return (
    <>
      <form className="add-item add-action-item" onSubmit={submit} noValidate aria-label={label}>
        <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} placeholder={t('actions.newTitle')} aria-label={t('actions.newTitle')} maxLength={300} />
        <OwnerAndDue
          people={members.data ?? [{ id: me.id, name: me.name }]}
          ownerId={ownerId}
          onOwner={(id) => setForm({ ...form, ownerId: id })}
          due={form.due}
          onDue={(day) => setForm({ ...form, due: day })}
          refreshPeople={members.reload}
        />
        <button type="submit" className="button small primary" disabled={submission.busy || !form.title.trim() || !form.due}>
          {t('actions.assign')}
        </button>
      </form>
      <FormError message={submission.message} />
    </>
  );
}
