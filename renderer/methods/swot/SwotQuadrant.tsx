import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { Quadrant, SwotItem } from '#core/methods/swot';
import type { Present } from '../../state/use-presence.ts';
import { moveSwotItem } from '../../actions/swot.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AddItemForm } from './AddItemForm.tsx';
import { dragType, useBoard } from './board-context.ts';
import { SwotItemCard } from './SwotItemCard.tsx';

/** One quadrant: its items in order; items can be dropped here from any quadrant. */
const nobody: Present[] = [];

export function SwotQuadrant({ quadrant, items, editing }: { quadrant: Quadrant; items: SwotItem[]; editing: Map<string, Present[]> }) {
  const { t } = useI18n();
  const { doc, canEdit } = useBoard();
  const [over, setOver] = useState(false);
  const name = t(`swot.${quadrant}`);

  const accepts = (e: DragEvent) => canEdit && e.dataTransfer.types.includes(dragType);
  // Stable across renders, so that unchanged items are not drawn again.
  const current = useRef(items);
  current.current = items;
  const onDrop = useCallback(
    (e: DragEvent, index: number) => {
      if (!canEdit || !e.dataTransfer.types.includes(dragType)) return;
      e.preventDefault();
      e.stopPropagation();
      setOver(false);
      const id = e.dataTransfer.getData(dragType);
      const from = current.current.findIndex((i) => i.id === id);
      // Dropping below itself in the same quadrant: the list it lands in no longer has it.
      moveSwotItem(doc, id, quadrant, from !== -1 && from < index ? index - 1 : index);
    },
    [canEdit, doc, quadrant],
  );

  return (
    <section
      className={`quadrant quadrant-${quadrant}${over ? ' drop-target' : ''}`}
      aria-labelledby={`q-${quadrant}`}
      data-testid={`quadrant-${quadrant}`}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => onDrop(e, items.length)}
    >
      <header className="quadrant-head">
        <h3 id={`q-${quadrant}`}>{name}</h3>
        <span className="muted small">{t(`swot.${quadrant}.hint`)}</span>
        <span className="count" aria-label={t('swot.itemCount', { count: items.length })}>
          {items.length}
        </span>
      </header>
      {items.length === 0 ? (
        <p className="muted small quadrant-empty">{t('swot.empty')}</p>
      ) : (
        <ol className="swot-items" aria-label={name}>
          {items.map((item, index) => (
            <SwotItemCard key={item.id} item={item} index={index} count={items.length} editors={editing.get(item.id) ?? nobody} onDrop={onDrop} />
          ))}
        </ol>
      )}
      {canEdit && <AddItemForm quadrant={quadrant} />}
    </section>
  );
}
