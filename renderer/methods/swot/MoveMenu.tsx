import { useEffect, useRef, useState } from 'react';
import { quadrants, type Quadrant } from '#core/methods/swot';
import { useI18n } from '../../i18n/index.tsx';

/**
 * "Move to…": a button that opens the other three quadrants. A button rather than a
 * <select> per item keeps a board of a thousand items light to draw.
 */
export function MoveMenu({ from, label, onMove }: { from: Quadrant; label: string; onMove(to: Quadrant): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  return (
    <span className="move-menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="icon-button" aria-haspopup="true" aria-expanded={open} aria-label={label} onClick={() => setOpen(!open)}>
        {t('swot.moveTo')}…
      </button>
      {open && (
        <span className="move-options" role="group" aria-label={label}>
          {quadrants
            .filter((q) => q !== from)
            .map((q, i) => (
              <button
                key={q}
                ref={i === 0 ? first : undefined}
                type="button"
                className="icon-button"
                onClick={() => {
                  setOpen(false);
                  onMove(q);
                }}
              >
                {t(`swot.${q}`)}
              </button>
            ))}
        </span>
      )}
    </span>
  );
}
