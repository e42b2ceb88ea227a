import type * as Y from 'yjs';
import { costBenefitFigures, horizonOf, listCostBenefitBoards, readCostBenefitLines, readCostBenefitOptions } from '#core/doc/cost-benefit';
import { methodsOf } from '#core/doc/methods';
import { useDocValue } from '../../state/use-doc-value.ts';

export function useCostBenefitBoards(doc: Y.Doc): string[] {
  return useDocValue(methodsOf(doc), () => listCostBenefitBoards(doc));
}

/** One board: options in order, lines, figures and horizon, live. */
export function useCostBenefitBoard(doc: Y.Doc, boardId: string) {
  return useDocValue(methodsOf(doc), () => ({
    options: readCostBenefitOptions(doc, boardId),
    lines: readCostBenefitLines(doc, boardId),
    figures: costBenefitFigures(doc, boardId),
    horizon: horizonOf(doc, boardId),
  }));
}
