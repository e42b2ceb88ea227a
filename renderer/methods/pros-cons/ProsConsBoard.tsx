import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { useI18n } from '../../i18n/index.tsx';
import { useProsConsBoard } from '../../state/use-pros-cons.ts';
import { AddOptionForm } from './AddOptionForm.tsx';
import { ProsConsBoardContext, type ProsConsContext } from './board-context.ts';
import { OptionColumn } from './OptionColumn.tsx';

interface Props {
  doc: Y.Doc;
  boardId: string;
  /** Its number when the activity has several boards. */
  number: number | null;
  actor: Author;
  canEdit: boolean;
  canManage: boolean;
}

/** One pros and cons board: a column per option, each with its pros and cons. */
export function ProsConsBoard({ doc, boardId, number, actor, canEdit, canManage }: Props) {
  const { t } = useI18n();
  const board = useProsConsBoard(doc, boardId);
  const options = board?.options;
  const ctx = useMemo<ProsConsContext | null>(
    () => (options ? { doc, boardId, actor, canEdit, canManage, options } : null),
    [doc, boardId, actor, canEdit, canManage, options],
  );
  if (!ctx || !options) return null;
  const title = number === null ? t('prosCons.title') : t('prosCons.titleNumbered', { n: number });
  const titleId = `pros-cons-${boardId}`;

  return (
    <ProsConsBoardContext.Provider value={ctx}>
      <section className="pros-cons" aria-labelledby={titleId} data-testid="pros-cons-board" data-board-id={boardId}>
        <div className="section-head">
          <h2 id={titleId}>{title}</h2>
        </div>
        {options.length === 0 && <p className="muted small">{t(canManage ? 'prosCons.noOptionsFacilitator' : 'prosCons.noOptions')}</p>}
        <div className="pros-cons-options">
          {options.map((view) => (
            <OptionColumn key={view.option.id} view={view} />
          ))}
        </div>
        {canManage && <AddOptionForm />}
      </section>
    </ProsConsBoardContext.Provider>
  );
}
