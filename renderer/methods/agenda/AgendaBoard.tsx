import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { AgendaMinutes, maxItemMinutes, plannedMinutes, splitAgenda } from '#core/methods/agenda';
import { useI18n } from '../../i18n/index.tsx';
import { addAgendaItem } from './actions.ts';
import { AgendaItemRow } from './AgendaItemRow.tsx';
import { AgendaTimerPanel } from './AgendaTimerPanel.tsx';
import { useAgenda } from './use-agenda.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  actor: Author;
  canEdit: boolean;
  /** A facilitator: runs the timer. */
  canRun: boolean;
  activityId: string;
}

/** One agenda: the timer everyone sees, the items in order with their time boxes, the form to add one, and the parking lot. */
export function AgendaBoard({ doc, boardId, actor, canEdit, canRun, activityId }: Props) {
  const { t } = useI18n();
  const { items, decisions, timer } = useAgenda(doc, boardId);
  const { agenda, parked } = splitAgenda(items);
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [presenter, setPresenter] = useState('');
  const titleId = `agenda-${boardId}`;
  const box = AgendaMinutes.safeParse(Number(minutes)).data;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim() || box === undefined) return;
    addAgendaItem(doc, boardId, actor, { text, minutes: box, presenter });
    setText('');
    setPresenter('');
  }

  const row = (item: (typeof items)[number], number: number | null) => (
    <AgendaItemRow key={item.id} doc={doc} boardId={boardId} item={item} number={number} index={number === null ? 0 : number - 1}
      decisions={decisions.filter((d) => d.itemId === item.id)} current={timer?.itemId === item.id} actor={actor} activityId={activityId} canEdit={canEdit} canRun={canRun} last={number === agenda.length} />
  );

  return (
    <section className="agenda" aria-labelledby={titleId} data-testid="agenda-board" data-board-id={boardId}>
      <div className="section-head">
        <h2 id={titleId}>{t('agenda.title')}</h2>
        <span className="muted small" data-testid="agenda-planned">{t('agenda.planned', { minutes: plannedMinutes(items) })}</span>
      </div>
      <AgendaTimerPanel doc={doc} boardId={boardId} items={items} timer={timer} canRun={canRun} />
      {agenda.length === 0 ? <p className="muted small">{t('agenda.empty')}</p> : <ol className="agenda-items">{agenda.map((item, n) => row(item, n + 1))}</ol>}
      {canEdit && (
        <form className="add-item agenda-add" onSubmit={submit}>
          <input value={text} onChange={(e) => setText(e.target.value)} aria-label={t('agenda.newItem')} placeholder={t('agenda.newItem')} maxLength={300} />
          <label className="agenda-minutes">
            <input type="number" min={1} max={maxItemMinutes} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label={t('agenda.minutesNew')} />
            <span aria-hidden="true">{t('agenda.min')}</span>
          </label>
          <input value={presenter} onChange={(e) => setPresenter(e.target.value)} aria-label={t('agenda.presenter')} placeholder={t('agenda.presenter')} maxLength={120} />
          <button type="submit" className="button small" disabled={!text.trim() || box === undefined}>{t('agenda.add')}</button>
        </form>
      )}
      {parked.length > 0 && (
        <section className="agenda-parked" aria-label={t('agenda.parkingLot')} data-testid="agenda-parking-lot">
          <h3>{t('agenda.parkingLot')}</h3>
          <ul className="agenda-items">{parked.map((item) => row(item, null))}</ul>
        </section>
      )}
    </section>
  );
}
