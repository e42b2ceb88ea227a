import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type * as Y from 'yjs';
import { clampScore, quadrantOf, scoreMax, type PriorityItem } from '#core/methods/prioritisation';
import { useI18n } from '../../i18n/index.tsx';
import { placePriorityItem, stepFor } from './actions.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  items: PriorityItem[];
  canEdit: boolean;
}

/** Top left to bottom right, as the plot lays them out: impact up, effort right. */
const layout = ['quickWins', 'majorProjects', 'fillIns', 'thanklessTasks'] as const;

/**
 * The 2×2: effort across, impact up. Each item is a button placed by its scores: dragged
 * (written once, when let go), or moved with the arrow keys (Shift for bigger steps).
 */
export function PriorityPlot({ doc, boardId, items, canEdit }: Props) {
  const { t } = useI18n();
  const area = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<{ id: string; impact: number; effort: number } | null>(null);
  const helpId = `prioritisation-keys-${boardId}`;

  const placeAt = (e: PointerEvent) => {
    const box = area.current!.getBoundingClientRect();
    return {
      effort: clampScore(((e.clientX - box.left) / box.width) * scoreMax),
      impact: clampScore(((box.bottom - e.clientY) / box.height) * scoreMax),
    };
  };

  function onKey(item: PriorityItem, e: KeyboardEvent) {
    const step = canEdit ? stepFor(e.key, e.shiftKey) : null;
    if (!step) return;
    e.preventDefault();
    placePriorityItem(doc, boardId, item.id, item.impact + step.impact, item.effort + step.effort);
  }

  return (
    <div className="prioritisation-plot-wrap">
      <span className="axis axis-impact" aria-hidden="true">{t('prioritisation.impact')} ↑</span>
      <div className="prioritisation-plot" ref={area} data-testid="prioritisation-plot">
        {layout.map((q) => (
          <div key={q} className={`plot-quadrant quadrant-${q}`} aria-hidden="true">
            {t(`prioritisation.${q}`)}
          </div>
        ))}
        {items.map((item) => {
          const shown = dragging?.id === item.id ? dragging : item;
          return (
            <button
              key={item.id}
              type="button"
              className={`plot-item quadrant-${quadrantOf(shown)}`}
              style={{ left: `${shown.effort}%`, bottom: `${shown.impact}%` }}
              aria-label={t('prioritisation.placed', { text: item.text, impact: item.impact, effort: item.effort, quadrant: t(`prioritisation.${quadrantOf(item)}`) })}
              aria-describedby={canEdit ? helpId : undefined}
              aria-disabled={!canEdit}
              data-testid="prioritisation-marker"
              onKeyDown={(e) => onKey(item, e)}
              onPointerDown={(e) => {
                if (!canEdit) return;
                e.currentTarget.setPointerCapture(e.pointerId);
                setDragging({ id: item.id, ...placeAt(e) });
              }}
              onPointerMove={(e) => dragging?.id === item.id && setDragging({ id: item.id, ...placeAt(e) })}
              onPointerUp={(e) => {
                if (dragging?.id !== item.id) return;
                const to = placeAt(e);
                setDragging(null);
                placePriorityItem(doc, boardId, item.id, to.impact, to.effort);
              }}
              onPointerCancel={() => setDragging(null)}
            >
              {item.text}
            </button>
          );
        })}
      </div>
      <span className="axis axis-effort" aria-hidden="true">{t('prioritisation.effort')} →</span>
      {canEdit && (
        <p id={helpId} className="visually-hidden">
          {t('prioritisation.keys')}
        </p>
      )}
    </div>
  );
}
