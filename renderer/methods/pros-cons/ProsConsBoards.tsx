import type * as Y from 'yjs';
import { addProsConsBoard } from '../../actions/pros-cons.ts';
import type { Author } from '#core/doc/author';
import { useI18n } from '../../i18n/index.tsx';
import { useProsConsBoards } from '../../state/use-pros-cons.ts';
import { ProsConsBoard } from './ProsConsBoard.tsx';

interface Props {
  doc: Y.Doc;
  actor: Author;
  canEdit: boolean;
  facilitator: boolean;
}

/** Every pros and cons board of the activity, live, and the facilitator's button to add one. */
export function ProsConsBoards({ doc, actor, canEdit, facilitator }: Props) {
  const { t } = useI18n();
  const boards = useProsConsBoards(doc);
  const canManage = facilitator && canEdit;
  return (
    <div className="pros-cons-boards" data-testid="pros-cons-boards">
      {boards.map((id, i) => (
        <ProsConsBoard key={id} doc={doc} boardId={id} number={boards.length > 1 ? i + 1 : null} actor={actor} canEdit={canEdit} canManage={canManage} />
      ))}
      {canManage && (
        <button type="button" className="button" onClick={() => addProsConsBoard(doc, actor)}>
          {t('prosCons.addBoard')}
        </button>
      )}
    </div>
  );
}
