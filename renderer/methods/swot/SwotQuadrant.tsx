import { useState, type DragEvent } from 'react';
import type { Quadrant, SwotItem } from '#core/methods/swot';
import { moveSwotItem } from '../../actions/swot.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AddItemForm } from './AddItemForm.tsx';
import { dragType, useBoard } from './board-context.ts';
import { SwotItemCard } from './SwotItemCard.tsx';

/** One quadrant: its items in order; items can be dropped here from any quadrant. */
export function SwotQuadrant({ quadrant, items }: { quadrant: Quadrant; items: SwotItem[] }) {
  const { t } = useI18n();
  const { doc, canEdit } = useBoard();
  const [over, setOver] = useState(false);
  const name = t(`swot.${quadrant}`);

  const accepts = (e: DragEvent) => canEdit && e.dataTransfer.types.includes(dragType);
  const onDrop = (e: DragEvent, index: number) => {
    if (!accepts(e)) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const id = e.dataTransfer.getData(dragType);
    const from = items.findIndex((i) => i.id === id);
    // Dropping below itself in the same quadrant: the list it lands in no longer has it.
    moveSwotItem(doc, id, quadrant, from !== -1 && from < index ? index - 1 : index);
  };

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
            <SwotItemCard key={item.id} item={item} index={index} count={items.length} onDropBefore={(e) => onDrop(e, index)} />
          ))}
        </ol>
      )}
      {canEdit && <AddItemForm quadrant={quadrant} />}
    </section>
  );
}
