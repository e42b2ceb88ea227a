import { useState } from 'react';
import type * as Y from 'yjs';
import type { RaciColumn } from '#core/methods/raci';
import { useI18n } from '../../i18n/index.tsx';
import { useActivityMembers } from '../../state/use-action-items.ts';
import { addRaciMemberColumn } from './actions.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  activityId: string;
  columns: RaciColumn[];
}

/** The facilitator picks a column among the activity's members (those not yet a column). */
export function MemberColumnPicker({ doc, boardId, activityId, columns }: Props) {
  const { t } = useI18n();
  const members = useActivityMembers(activityId);
  const [picked, setPicked] = useState('');
  const taken = new Set(columns.flatMap((c) => (c.personId ? [c.personId] : [])));
  const free = (members.data ?? []).filter((m) => !taken.has(m.id));
  const person = free.find((m) => m.id === picked);
  return (
    <form
      className="add-item"
      onSubmit={(e) => {
        e.preventDefault();
        if (!person) return;
        addRaciMemberColumn(doc, boardId, person);
        setPicked('');
      }}
    >
      <select value={person ? picked : ''} onChange={(e) => setPicked(e.target.value)} aria-label={t('raci.member')} disabled={free.length === 0}>
        <option value="">{free.length === 0 ? t('raci.noMemberLeft') : t('raci.pickMember')}</option>
        {free.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      <button type="submit" className="button small" disabled={!person}>{t('raci.addMember')}</button>
    </form>
  );
}
