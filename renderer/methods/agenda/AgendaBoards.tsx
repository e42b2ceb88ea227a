import type { BoardProps } from '../board-props.ts';
import { useI18n } from '../../i18n/index.tsx';
import { addAgendaBoard } from './actions.ts';
import { AgendaBoard } from './AgendaBoard.tsx';
import { useAgendaBoards } from './use-agenda.ts';
import './agenda.css';

/** Every agenda of the activity, live, and the facilitator's button to add one. */
export function AgendaBoards({ doc, actor, canEdit, facilitator, activityId }: BoardProps) {
  const { t } = useI18n();
  const boards = useAgendaBoards(doc);
  const canRun = facilitator && canEdit;
  if (boards.length === 0 && !canRun) return null;
  return (
    <div className="method-boards" data-testid="agenda-boards">
      {boards.map((id) => (
        <AgendaBoard key={id} doc={doc} boardId={id} actor={actor} canEdit={canEdit} canRun={canRun} activityId={activityId} />
      ))}
      {canRun && (
        <button type="button" className="button" onClick={() => addAgendaBoard(doc, actor)}>
          {t('agenda.addBoard')}
        </button>
      )}
    </div>
  );
}
