import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';

/** The four quadrants, in reading order: internal (S, W) then external (O, T). */
export const Quadrant = z.enum(['strengths', 'weaknesses', 'opportunities', 'threats']);
export type Quadrant = z.infer<typeof Quadrant>;
export const quadrants = Quadrant.options;

export const SwotText = z.string().trim().min(1, 'an item needs some text').max(2000, 'an item has at most 2,000 characters');

/**
 * One item of a SWOT board. `order` is a fractional index key: items of a quadrant
 * sort by (order, id), so concurrent reorders converge and a tie is broken the same
 * way everywhere.
 */
export const SwotItem = z.strictObject({
  id: Id,
  quadrant: Quadrant,
  text: SwotText,
  order: z.string().min(1).max(200),
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
});
export type SwotItem = z.infer<typeof SwotItem>;

export const byOrder = (a: Pick<SwotItem, 'order' | 'id'>, b: Pick<SwotItem, 'order' | 'id'>) =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Items grouped by quadrant, each quadrant sorted. */
export function groupByQuadrant(items: readonly SwotItem[]): Record<Quadrant, SwotItem[]> {
  const out: Record<Quadrant, SwotItem[]> = { strengths: [], weaknesses: [], opportunities: [], threats: [] };
  for (const item of items) out[item.quadrant].push(item);
  for (const q of quadrants) out[q].sort(byOrder);
  return out;
}

/**
 * The order key that puts an item at `index` among `sorted` (a quadrant's items in
 * order, the moving item excluded). Equal neighbour keys (two people inserted at the
 * same place at once) are stepped over rather than refused.
 */
export function orderAt(sorted: readonly Pick<SwotItem, 'order'>[], index: number): string {
  const at = Math.max(0, Math.min(index, sorted.length));
  const before = at > 0 ? sorted[at - 1]!.order : null;
  let after: string | null = at < sorted.length ? sorted[at]!.order : null;
  if (before !== null && after !== null && after <= before) {
    after = sorted.slice(at).find((item) => item.order > before)?.order ?? null;
  }
  return generateKeyBetween(before, after);
}

/** How many items each quadrant holds. */
export function countByQuadrant(items: readonly SwotItem[]): Record<Quadrant, number> {
  const grouped = groupByQuadrant(items);
  return {
    strengths: grouped.strengths.length,
    weaknesses: grouped.weaknesses.length,
    opportunities: grouped.opportunities.length,
    threats: grouped.threats.length,
  };
}
