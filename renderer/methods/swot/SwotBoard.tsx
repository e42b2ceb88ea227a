import { useMemo } from 'react';
import { quadrants } from '#core/methods/swot';
import { useI18n } from '../../i18n/index.tsx';
import type { Present } from '../../state/use-presence.ts';
import type { BoardProps } from '../board-props.ts';
import { useSwotBoard, useSwotInSight } from '../../state/use-swot-board.ts';
import { showSwot } from '../../actions/swot.ts';
import { SwotBoardContext, type BoardContext } from './board-context.ts';
import { PrivateFirstPanel } from './PrivateFirstPanel.tsx';
import { SwotQuadrant } from './SwotQuadrant.tsx';

/**
 * The SWOT board: four quadrants, live for everyone in the activity. Out of sight while empty
 * in an activity whose template does not name it (a meeting): a facilitator's button shows it.
 */
export function SwotBoard(props: BoardProps) {
  const { t } = useI18n();
  const inSight = useSwotInSight(props.doc);
  if (inSight) return <SwotQuadrants {...props} />;
  if (!props.facilitator || !props.canEdit) return null;
  return (
    <div className="method-boards">
      <button type="button" className="button" onClick={() => showSwot(props.doc)}>
        {t('swot.show')}
      </button>
    </div>
  );
}

function SwotQuadrants({ doc, awareness, actor, canEdit, present, activityId, facilitator }: BoardProps) {
  const { t } = useI18n();
  const board = useSwotBoard(doc);
  const ctx = useMemo<BoardContext>(() => ({ doc, awareness, actor, canEdit }), [doc, awareness, actor, canEdit]);
  const editing = useMemo(() => {
    const byItem = new Map<string, Present[]>();
    for (const p of present) if (p.editing && !p.self) byItem.set(p.editing, [...(byItem.get(p.editing) ?? []), p]);
    return byItem;
  }, [present]);

  return (
    <SwotBoardContext.Provider value={ctx}>
      <section className="swot" aria-labelledby="swot-title" data-testid="swot-board" data-total={board.total}>
        <div className="section-head">
          <h2 id="swot-title">{t('swot.title')}</h2>
          <span className="muted small">{t('swot.itemCount', { count: board.total })}</span>
        </div>
        <PrivateFirstPanel activityId={activityId} facilitator={facilitator} canWrite={canEdit} />
        <div className="swot-grid">
          {quadrants.map((q) => (
            <SwotQuadrant key={q} quadrant={q} items={board.quadrants[q]} editing={editing} />
          ))}
        </div>
      </section>
    </SwotBoardContext.Provider>
  );
}
