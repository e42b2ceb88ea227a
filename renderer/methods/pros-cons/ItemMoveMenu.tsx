import { useEffect, useRef, useState } from 'react';
import { sides, type ProsConsItem, type Side } from '#core/methods/pros-cons';
import { moveProsConsItem } from '../../actions/pros-cons.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useProsCons } from './board-context.ts';

/** "Move to…": the item's other side, and both sides of every other option. */
export function ItemMoveMenu({ item, label }: { item: ProsConsItem; label: string }) {
  const { t } = useI18n();
  const { doc, boardId, options } = useProsCons();
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const targets: { optionId: string; side: Side; name: string }[] = options.flatMap((v) =>
    sides
      .filter((side) => v.option.id !== item.optionId || side !== item.side)
      .map((side) => ({ optionId: v.option.id, side, name: t('prosCons.sideOf', { side: t(`prosCons.${side}`), label: v.option.label }) })),
  );

  return (
    <span className="move-menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="icon-button" aria-haspopup="true" aria-expanded={open} aria-label={label} onClick={() => setOpen(!open)}>
        {t('prosCons.moveTo')}…
      </button>
      {open && (
        <span className="move-options" role="group" aria-label={label}>
          {targets.map((to, i) => (
            <button
              key={`${to.optionId}-${to.side}`}
              ref={i === 0 ? first : undefined}
              type="button"
              className="icon-button"
              onClick={() => {
                setOpen(false);
                moveProsConsItem(doc, boardId, item.id, to.optionId, to.side);
              }}
            >
              {to.name}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
