import { addActionItemsBoard } from '../../actions/action-items.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useActionBoards, useActivityMembers } from '../../state/use-action-items.ts';
import type { BoardProps } from '../board-props.ts';
import { ActionItemsBoard } from './ActionItemsBoard.tsx';
import { OverdueNotice } from './OverdueNotice.tsx';

/** Every action items board of the activity, live, and the facilitator's button to add one. */
export function ActionItemsBoards({ doc, actor, canEdit, facilitator, activityId }: BoardProps) {
  const { t } = useI18n();
  const boards = useActionBoards(doc);
  const members = useActivityMembers(activityId);
  const canManage = facilitator && canEdit;
  return (
    <div className="action-items-boards" data-testid="action-items-boards">
      {facilitator && <OverdueNotice doc={doc} />}
      {boards.map((id, i) => (
        <ActionItemsBoard
          key={id}
          doc={doc}
          boardId={id}
          number={boards.length > 1 ? i + 1 : null}
          actor={actor}
          canEdit={canEdit}
          facilitator={facilitator}
          members={members.data ?? []}
          refreshMembers={members.reload}
        />
      ))}
      {canManage && boards.length === 0 && (
        <button type="button" className="button" onClick={() => addActionItemsBoard(doc, actor)}>
          {t('actions.addBoard')}
        </button>
      )}
    </div>
  );
}
