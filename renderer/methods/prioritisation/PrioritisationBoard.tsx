import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { groupByPriority, priorityQuadrants } from '#core/methods/prioritisation';
import { useI18n } from '../../i18n/index.tsx';
import { addPriorityItem } from './actions.ts';
import { PriorityItemRow } from './PriorityItemRow.tsx';
import { PriorityPlot } from './PriorityPlot.tsx';
import { usePriorityItems } from './use-prioritisation.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  number: number | null;
  actor: Author;
  canEdit: boolean;
}

/** One 2×2: the plot (drag, or arrow keys), the form to add an item, and the items by quadrant. */
export function PrioritisationBoard({ doc, boardId, number, actor, canEdit }: Props) {
  const { t } = useI18n();
  const items = usePriorityItems(doc, boardId);
  const [text, setText] = useState('');
  const grouped = groupByPriority(items);
  const titleId = `prioritisation-${boardId}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    addPriorityItem(doc, boardId, actor, text);
    setText('');
  }

  return (
    <section className="prioritisation" aria-labelledby={titleId} data-testid="prioritisation-board" data-board-id={boardId}>
      <div className="section-head">
        <h2 id={titleId}>{number === null ? t('prioritisation.title') : t('prioritisation.titleNumbered', { n: number })}</h2>
      </div>
      <p className="muted small">{t('prioritisation.help')}</p>
      <PriorityPlot doc={doc} boardId={boardId} items={items} canEdit={canEdit} />
      {canEdit && (
        <form className="add-item" onSubmit={submit}>
          <input value={text} onChange={(e) => setText(e.target.value)} aria-label={t('prioritisation.newItem')} placeholder={t('prioritisation.newItem')} maxLength={500} />
          <button type="submit" className="button small" disabled={!text.trim()}>
            {t('prioritisation.add')}
          </button>
        </form>
      )}
      <div className="prioritisation-lists">
        {priorityQuadrants.map((q) => (
          <section key={q} className={`prioritisation-list quadrant-${q}`} aria-label={t(`prioritisation.${q}`)} data-testid={`prioritisation-${q}`}>
            <h3>
              {t(`prioritisation.${q}`)} <span className="count">{grouped[q].length}</span>
            </h3>
            <ul>
              {grouped[q].map((item) => (
                <PriorityItemRow key={item.id} doc={doc} boardId={boardId} item={item} actor={actor} canEdit={canEdit} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
