import { groupByQuadrant, type Quadrant, type SwotItem } from '#core/methods/swot';
import { methodsOf } from '#core/doc/methods';
import { readSwotItems } from '#core/doc/swot';
import type * as Y from 'yjs';
import { useDocValue } from './use-doc-value.ts';

export interface SwotBoardView {
  /** The relay's board has arrived (an activity is seeded with one). */
  present: boolean;
  quadrants: Record<Quadrant, SwotItem[]>;
  total: number;
}

export function useSwotBoard(doc: Y.Doc): SwotBoardView {
  const methods = methodsOf(doc);
  return useDocValue(methods, () => {
    const items = readSwotItems(doc);
    return { present: methods.has('swot'), quadrants: groupByQuadrant(items), total: items.length };
  });
}
