import { useState } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { AgendaMinutes, clockText, maxItemMinutes, type AgendaDecision, type AgendaItem } from '#core/methods/agenda';
import { assignFromEntry } from '../../actions/action-items.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSignedIn } from '../../state/use-session.tsx';
import { AssignActionForm } from '../action-items/AssignActionForm.tsx';
import { AgendaDecisions } from './AgendaDecisions.tsx';
import { AgendaNotesBox } from './AgendaNotesBox.tsx';
import { deleteAgendaItem, moveAgendaItem, setAgendaMinutes, setAgendaParked, startAgendaItem } from './actions.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  item: AgendaItem;
  /** The decisions and proposals taken from it. */
  decisions: AgendaDecision[];
  /** Its place on the agenda from 1; null in the parking lot. */
  number: number | null;
  index: number;
  last: boolean;
  current: boolean;
  actor: Author;
  canEdit: boolean;
  canRun: boolean;
  activityId: string;
}

/** One agenda item: title, presenter, time box (typed), time it took, notes, decisions taken from it; moved, parked, started or removed. */
export function AgendaItemRow({ doc, boardId, item, decisions, number, index, last, current, actor, canEdit, canRun, activityId }: Props) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  // The form (and its member list) is made only while open: an agenda may hold many items.
  const [assigning, setAssigning] = useState(false);
  return (
    <li className={`agenda-item${current ? ' current' : ''}`} data-testid="agenda-item" data-item-id={item.id} aria-current={current ? 'step' : undefined}>
      <div className="agenda-item-head">
        <span className="agenda-item-title">{number !== null && <span className="muted">{number}. </span>}{item.text}</span>
        {item.presenter && <span className="muted small">{item.presenter}</span>}
        <label className="agenda-minutes">
          <input type="number" min={1} max={maxItemMinutes} step={1} value={item.minutes} disabled={!canEdit}
            aria-label={t('agenda.minutesOf', { item: item.text })}
            onChange={(e) => { const m = AgendaMinutes.safeParse(e.target.valueAsNumber).data; if (m !== undefined) setAgendaMinutes(doc, boardId, actor, item.id, m); }} />
          <span aria-hidden="true">{t('agenda.min')}</span>
        </label>
        {item.spentMs !== undefined && !current && (
          <span className={`small${item.spentMs > item.minutes * 60_000 ? ' agenda-late' : ' muted'}`} data-testid="agenda-took">{t('agenda.took', { time: clockText(item.spentMs) })}</span>
        )}
      </div>
      <div className="agenda-item-actions">
        {canRun && number !== null && !current && <button type="button" className="button small" onClick={() => startAgendaItem(doc, boardId, item.id)} aria-label={t('agenda.startItem', { item: item.text })}>{t('agenda.startHere')}</button>}
        {canEdit && number !== null && index > 0 && <button type="button" className="icon-button" onClick={() => moveAgendaItem(doc, boardId, item.id, index - 1)} aria-label={t('agenda.up', { item: item.text })}>↑</button>}
        {canEdit && number !== null && !last && <button type="button" className="icon-button" onClick={() => moveAgendaItem(doc, boardId, item.id, index + 1)} aria-label={t('agenda.down', { item: item.text })}>↓</button>}
        {canEdit && <button type="button" className="button small" onClick={() => setAgendaParked(doc, boardId, actor, item.id, number !== null)}>{number !== null ? t('agenda.park') : t('agenda.unpark')}</button>}
        {canEdit && <button type="button" className="icon-button danger" onClick={() => deleteAgendaItem(doc, boardId, item.id, item.text)} aria-label={t('agenda.remove', { item: item.text })}>×</button>}
      </div>
      <AgendaNotesBox doc={doc} boardId={boardId} itemId={item.id} itemText={item.text} notes={item.notes ?? ''} canEdit={canEdit} />
      <AgendaDecisions doc={doc} boardId={boardId} itemId={item.id} itemText={item.text} decisions={decisions} actor={actor} canRecord={canRun} />
      {canEdit && number !== null && (
        <details className="agenda-action" onToggle={(e) => setAssigning(e.currentTarget.open)}>
          <summary className="small">{t('agenda.actionItem')}</summary>
          {assigning && <AssignActionForm activityId={activityId} label={t('agenda.actionFrom', { item: item.text })} assign={(input) => assignFromEntry(api, activityId, boardId, item.id, input)} />}
        </details>
      )}
    </li>
  );
}
