import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { FileRefs } from '../doc/attachments.ts';
import { byOrder, OrderKey } from './order.ts';

/** The four quadrants, in reading order: internal (S, W) then external (O, T). */
export const Quadrant = z.enum(['strengths', 'weaknesses', 'opportunities', 'threats']);
export type Quadrant = z.infer<typeof Quadrant>;
export const quadrants = Quadrant.options;

export const SwotText = z.string().trim().min(1, 'an item needs some text').max(2000, 'an item has at most 2,000 characters');

/** One item of a SWOT board; items of a quadrant sort by (order, id) (order.ts). */
export const SwotItem = z.strictObject({
  id: Id,
  quadrant: Quadrant,
  text: SwotText,
  order: OrderKey,
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
  /** Files attached to the entry (core/doc/attachments.ts, SPEC W13). */
  files: FileRefs.optional(),
  /** The facilitator who put a revealed private-first entry on the board for its author (SPEC W1). */
  placedBy: Id.optional(),
});
export type SwotItem = z.infer<typeof SwotItem>;

/** Items grouped by quadrant, each quadrant sorted. */
export function groupByQuadrant(items: readonly SwotItem[]): Record<Quadrant, SwotItem[]> {
  const out: Record<Quadrant, SwotItem[]> = { strengths: [], weaknesses: [], opportunities: [], threats: [] };
  for (const item of items) out[item.quadrant].push(item);
  for (const q of quadrants) out[q].sort(byOrder);
  return out;
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
