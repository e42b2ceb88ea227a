import type * as Y from 'yjs';
import { methodsOf } from '#core/doc/methods';
import { listRaciBoards } from '#core/doc/raci';
import type { BoardProps } from '../board-props.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDocValue } from '../../state/use-doc-value.ts';
import { addRaciBoard } from './actions.ts';
import { RaciBoard } from './RaciBoard.tsx';
import './raci.css';

const useRaciBoards = (doc: Y.Doc) => useDocValue(methodsOf(doc), () => listRaciBoards(doc));

/** Every responsibility matrix of the activity, live, and the facilitator's button to add one. */
export function RaciBoards({ doc, actor, canEdit, facilitator, activityId }: BoardProps) {
  const { t } = useI18n();
  const boards = useRaciBoards(doc);
  const canManage = facilitator && canEdit;
  if (boards.length === 0 && !canManage) return null;
  return (
    <div className="method-boards" data-testid="raci-boards">
      {boards.map((id) => (
        <RaciBoard key={id} doc={doc} boardId={id} actor={actor} canEdit={canEdit} canManage={canManage} activityId={activityId} />
      ))}
      {canManage && (
        <button type="button" className="button" onClick={() => addRaciBoard(doc, actor)}>
          {t('raci.addBoard')}
        </button>
      )}
    </div>
  );
}
