import type { ComponentType } from 'react';
import type { MethodKind } from '#core/doc/board-methods';
import type { MessageKey } from '../i18n/index.tsx';
import { ActionItemsBoards } from './action-items/ActionItemsBoards.tsx';
import { AgendaBoards } from './agenda/AgendaBoards.tsx';
import type { BoardProps } from './board-props.ts';
import { CostBenefitBoards } from './cost-benefit/CostBenefitBoards.tsx';
import { PrioritisationBoards } from './prioritisation/PrioritisationBoards.tsx';
import { RaciBoards } from './raci/RaciBoards.tsx';
import { ProsConsBoards } from './pros-cons/ProsConsBoards.tsx';
import { SwotBoard } from './swot/SwotBoard.tsx';

export interface BoardMethodView {
  /** Every board of this method in the activity, live (a method may hold several). */
  Boards: ComponentType<BoardProps>;
  /** The method's name. */
  label: MessageKey;
  /** How the history names a change to one of its boards ("changed the SWOT board"). */
  historyPart: MessageKey;
}

/**
 * The board methods the work area shows, in order, one per kind core knows
 * (#core/doc/board-methods): a new method is its folder here and one line below.
 */
export const boardMethodViews: Record<MethodKind, BoardMethodView> = {
  agenda: { Boards: AgendaBoards, label: 'agenda.title', historyPart: 'agenda.historyPart' },
  swot: { Boards: SwotBoard, label: 'swot.title', historyPart: 'history.part.swot' },
  'pros-cons': { Boards: ProsConsBoards, label: 'prosCons.title', historyPart: 'prosCons.historyPart' },
  'action-items': { Boards: ActionItemsBoards, label: 'actions.title', historyPart: 'actions.historyPart' },
  prioritisation: { Boards: PrioritisationBoards, label: 'prioritisation.title', historyPart: 'prioritisation.historyPart' },
  'cost-benefit': { Boards: CostBenefitBoards, label: 'costBenefit.title', historyPart: 'costBenefit.historyPart' },
  raci: { Boards: RaciBoards, label: 'raci.title.raci', historyPart: 'raci.historyPart' },
};

/** The work area's methods in the order the activity's template gave (`meta.boardOrder`), then the registry's. */
export function orderedMethodViews(order: readonly MethodKind[]): [MethodKind, BoardMethodView][] {
  const all = Object.entries(boardMethodViews) as [MethodKind, BoardMethodView][];
  const rank = (kind: MethodKind) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  return all.map((entry, i) => ({ entry, i })).sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.i - b.i).map((x) => x.entry);
}
