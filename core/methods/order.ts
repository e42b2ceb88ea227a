import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';

/**
 * Board entries (SWOT items, pros and cons, options) sort by a fractional index key,
 * then by id: concurrent reorders converge and a tie is broken the same way everywhere.
 */
export const OrderKey = z.string().min(1).max(200);

export interface Ordered {
  id: string;
  order: string;
}

export const byOrder = (a: Ordered, b: Ordered) =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The order key that puts an entry at `index` among `sorted` (its list in order, the
 * moving entry excluded). Equal neighbour keys (two people inserted at the same place at
 * once) are stepped over rather than refused.
 */
export function orderAt(sorted: readonly Pick<Ordered, 'order'>[], index: number): string {
  const at = Math.max(0, Math.min(index, sorted.length));
  const before = at > 0 ? sorted[at - 1]!.order : null;
  let after: string | null = at < sorted.length ? sorted[at]!.order : null;
  if (before !== null && after !== null && after <= before) {
    after = sorted.slice(at).find((item) => item.order > before)?.order ?? null;
  }
  return generateKeyBetween(before, after);
}
