import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { DecisionText, type AgendaDecision, type AgendaDecisionStatus } from '#core/methods/agenda';
import { useI18n } from '../../i18n/index.tsx';
import { addAgendaDecision, deleteAgendaDecision, setAgendaDecisionStatus } from './actions.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  itemId: string;
  itemText: string;
  decisions: AgendaDecision[];
  actor: Author;
  /** The facilitator records, confirms and removes them (SPEC W5). */
  canRecord: boolean;
}

/** The decisions and proposals taken from one agenda item; the facilitator's form to record one. */
export function AgendaDecisions({ doc, boardId, itemId, itemText, decisions, actor, canRecord }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<AgendaDecisionStatus>('decided');
  const [later, setLater] = useState(false);
  const valid = DecisionText.safeParse(text).success;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    // An agenda from before keeps decisions once the relay has brought it up to date (agenda-notes.ts).
    if (!addAgendaDecision(doc, boardId, actor, { itemId, text, status })) return setLater(true);
    setText('');
    setLater(false);
  };
  return (
    <>
      {decisions.length > 0 && (
        <ul className="agenda-decisions" aria-label={t('agenda.decisionsOf', { item: itemText })}>
          {decisions.map((d) => (
            <li key={d.id} data-testid="agenda-decision" data-status={d.status}>
              <span className={`badge ${d.status}`}>{t(d.status === 'decided' ? 'agenda.decided' : 'agenda.proposed')}</span> <span className="agenda-decision-text">{d.text}</span>
              {canRecord && d.status === 'proposed' && (
                <button type="button" className="button small" onClick={() => setAgendaDecisionStatus(doc, boardId, actor, d.id, 'decided')}>{t('agenda.confirmDecision')}</button>
              )}
              {canRecord && (
                <button type="button" className="icon-button danger" onClick={() => deleteAgendaDecision(doc, boardId, d.id)} aria-label={t('agenda.removeDecision', { text: d.text.slice(0, 60) })}>×</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <details className="agenda-action">
          <summary className="small">{t('agenda.decision')}</summary>
          <form className="agenda-decision-form" aria-label={t('agenda.decisionFrom', { item: itemText })} onSubmit={submit}>
            <textarea rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('agenda.decisionText')} />
            <select value={status} onChange={(e) => setStatus(e.target.value === 'proposed' ? 'proposed' : 'decided')} aria-label={t('agenda.decisionStatus')}>
              <option value="decided">{t('agenda.decided')}</option>
              <option value="proposed">{t('agenda.proposed')}</option>
            </select>
            <button type="submit" className="button small primary" disabled={!valid}>{t('agenda.recordDecision')}</button>
            {later && <p className="small muted" role="status">{t('agenda.decisionLater')}</p>}
          </form>
        </details>
      )}
    </>
  );
}
