import { useMemo, useRef } from 'react';
import { groupByQuadrant, type Quadrant, type SwotItem } from '#core/methods/swot';
import { methodsOf } from '#core/doc/methods';
import { readSwotItem, swotItemsMap, swotMethodId } from '#core/doc/swot';
import { metaOf } from '#core/doc/schema';
import { swotInSight } from '#core/doc/templates';
import type * as Y from 'yjs';
import { useDocValue } from './use-doc-value.ts';

export interface SwotBoardView {
  /** The relay's board has arrived (an activity is seeded with one). */
  present: boolean;
  quadrants: Record<Quadrant, SwotItem[]>;
  total: number;
}

type Cache = Map<string, { json: string; item: SwotItem }>;

/**
 * Reads the board; an item whose fields did not change keeps its object, so that only
 * changed items are drawn again (the board may hold a thousand).
 */
function readBoard(doc: Y.Doc, cache: Cache): SwotBoardView {
  const items = swotItemsMap(doc);
  const out: SwotItem[] = [];
  const seen = new Set<string>();
  for (const [id, map] of items?.entries() ?? []) {
    const raw = map.toJSON();
    const json = JSON.stringify(raw);
    const cached = cache.get(id);
    let item = cached?.json === json ? cached.item : null;
    if (!item) {
      item = readSwotItem(map);
      if (item) cache.set(id, { json, item });
    }
    if (item) {
      out.push(item);
      seen.add(id);
    }
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return { present: methodsOf(doc).has('swot'), quadrants: groupByQuadrant(out), total: out.length };
}

export function useSwotBoard(doc: Y.Doc): SwotBoardView {
  const cache = useRef<Cache>(new Map());
  return useDocValue(methodsOf(doc), () => readBoard(doc, cache.current));
}

/**
 * Whether the work area shows the SWOT board (#core/doc/templates `swotInSight`): read again
 * when the board or the document's template order changes; not before the relay's seed arrives.
 */
export function useSwotInSight(doc: Y.Doc): boolean {
  const both = useMemo(
    () => ({
      observeDeep: (f: () => void) => {
        metaOf(doc).observeDeep(f);
        methodsOf(doc).observeDeep(f);
      },
      unobserveDeep: (f: () => void) => {
        metaOf(doc).unobserveDeep(f);
        methodsOf(doc).unobserveDeep(f);
      },
    }),
    [doc],
  );
  return useDocValue(both, () => methodsOf(doc).has(swotMethodId) && swotInSight(doc));
}
