import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { useI18n } from '../../i18n/index.tsx';
import { useActionItems } from '../../state/use-action-items.ts';
import { ActionItemRow } from './ActionItemRow.tsx';
import { AddActionItemForm } from './AddActionItemForm.tsx';

interface Props {
  doc: Y.Doc;
  boardId: string;
  number: number | null;
  actor: Author;
  canEdit: boolean;
  facilitator: boolean;
  members: Author[];
  /** Asks the member list again (someone added since the activity opened). */
  refreshMembers(): void;
}

/** One action items board: who does what by when, and where it stands. */
export function ActionItemsBoard({ doc, boardId, number, actor, canEdit, facilitator, members, refreshMembers }: Props) {
  const { t } = useI18n();
  const items = useActionItems(doc, boardId);
  const titleId = `action-items-${boardId}`;
  return (
    <section className="action-items" aria-labelledby={titleId} data-testid="action-items-board" data-board-id={boardId}>
      <div className="section-head">
        <h2 id={titleId}>{number === null ? t('actions.title') : t('actions.titleNumbered', { n: number })}</h2>
      </div>
      {items.length === 0 ? (
        <p className="muted small">{t('actions.none')}</p>
      ) : (
        <ul className="action-item-list">
          {items.map((item) => (
            <ActionItemRow key={item.id} doc={doc} boardId={boardId} item={item} actor={actor} canEdit={canEdit} facilitator={facilitator} members={members} />
          ))}
        </ul>
      )}
      {canEdit && <AddActionItemForm doc={doc} boardId={boardId} actor={actor} members={members} refreshMembers={refreshMembers} />}
    </section>
  );
}
