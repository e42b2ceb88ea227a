import type { BoardProps } from '../board-props.ts';
import { useI18n } from '../../i18n/index.tsx';
import { addPrioritisationBoard } from './actions.ts';
import { PrioritisationBoard } from './PrioritisationBoard.tsx';
import { usePrioritisationBoards } from './use-prioritisation.ts';
import './prioritisation.css';

/** Every prioritisation 2×2 of the activity, live, and the facilitator's button to add one. */
export function PrioritisationBoards({ doc, actor, canEdit, facilitator }: BoardProps) {
  const { t } = useI18n();
  const boards = usePrioritisationBoards(doc);
  const canManage = facilitator && canEdit;
  if (boards.length === 0 && !canManage) return null;
  return (
    <div className="method-boards" data-testid="prioritisation-boards">
      {boards.map((id, i) => (
        <PrioritisationBoard key={id} doc={doc} boardId={id} number={boards.length > 1 ? i + 1 : null} actor={actor} canEdit={canEdit} />
      ))}
      {canManage && (
        <button type="button" className="button" onClick={() => addPrioritisationBoard(doc, actor)}>
          {t('prioritisation.addBoard')}
        </button>
      )}
    </div>
  );
}
