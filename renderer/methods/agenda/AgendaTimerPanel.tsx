import type * as Y from 'yjs';
import { clockText, nextAgendaItem, timerView, type AgendaItem, type AgendaTimer } from '#core/methods/agenda';
import { useI18n } from '../../i18n/index.tsx';
import { useNow } from '../../state/use-now.ts';
import { relayClockOf } from '../../sync/relay-time.ts';
import { nextAgendaStep, pauseAgenda, startAgendaItem, stopAgenda } from './actions.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  items: AgendaItem[];
  timer: AgendaTimer | null;
  canRun: boolean;
}

/** The item the meeting is on and the time left in its box (over time once past it), the same for everyone; the facilitator's controls. */
export function AgendaTimerPanel({ doc, boardId, items, timer, canRun }: Props) {
  const { t } = useI18n();
  // The relay's clock, not this device's: everyone sees the same time left (relay-time.ts).
  const now = relayClockOf(doc).now(useNow(timer?.startedAt != null));
  const view = timerView(timer, items, now);
  const next = nextAgendaItem(items, view?.item.id ?? null);

  return (
    <div className={`agenda-timer${view?.over ? ' over' : ''}`} data-testid="agenda-timer">
      {view ? (
        <>
          <p className="agenda-now">
            <span className="muted small">{t('agenda.now')}</span> <strong data-testid="agenda-current">{view.item.text}</strong>
            {view.item.presenter && <span className="muted small"> · {view.item.presenter}</span>}
          </p>
          <p className="agenda-clock" role="timer" aria-live="off" data-testid="agenda-left" data-over={view.over ? 'true' : 'false'}>
            {view.over ? t('agenda.over', { time: clockText(view.leftMs) }) : t('agenda.left', { time: clockText(view.leftMs) })}
            {!view.running && <span className="agenda-paused"> {t('agenda.paused')}</span>}
          </p>
        </>
      ) : (
        <p className="muted small" data-testid="agenda-idle">{t('agenda.notStarted')}</p>
      )}
      {canRun && (
        <div className="agenda-controls">
          {!view && next && <button type="button" className="button small primary" onClick={() => startAgendaItem(doc, boardId, next.id)}>{t('agenda.start')}</button>}
          {view?.running && <button type="button" className="button small" onClick={() => pauseAgenda(doc, boardId)}>{t('agenda.pause')}</button>}
          {view && !view.running && <button type="button" className="button small" onClick={() => startAgendaItem(doc, boardId, view.item.id)}>{t('agenda.resume')}</button>}
          {view && next && <button type="button" className="button small primary" onClick={() => nextAgendaStep(doc, boardId)}>{t('agenda.next', { item: next.text })}</button>}
          {view && <button type="button" className="button small" onClick={() => stopAgenda(doc, boardId)}>{t('agenda.end')}</button>}
        </div>
      )}
    </div>
  );
}
