import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';

/**
 * The prioritisation 2×2: each item is placed by its impact and its effort, whole
 * numbers from 0 to 100. Half way (50) and above is high. The quadrants, in reading
 * order: quick wins (high impact, low effort), major projects (high, high), fill-ins
 * (low, low), thankless tasks (low impact, high effort).
 */
export const scoreMin = 0;
export const scoreMax = 100;
export const highFrom = 50;

export const Score = z.int().min(scoreMin).max(scoreMax);
export const PriorityText = z.string().trim().min(1, 'an item needs some text').max(500, 'an item has at most 500 characters');

export const PriorityQuadrant = z.enum(['quickWins', 'majorProjects', 'fillIns', 'thanklessTasks']);
export type PriorityQuadrant = z.infer<typeof PriorityQuadrant>;
export const priorityQuadrants = PriorityQuadrant.options;

export const PriorityItem = z.strictObject({
  id: Id,
  text: PriorityText,
  impact: Score,
  effort: Score,
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
});
export type PriorityItem = z.infer<typeof PriorityItem>;

export function quadrantOf(place: { impact: number; effort: number }): PriorityQuadrant {
  const high = place.impact >= highFrom;
  const hard = place.effort >= highFrom;
  return high ? (hard ? 'majorProjects' : 'quickWins') : hard ? 'thanklessTasks' : 'fillIns';
}

/** A score kept within bounds and whole (a drag, a keyboard step past the edge). */
export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return highFrom;
  return Math.min(scoreMax, Math.max(scoreMin, Math.round(value)));
}

/** Best first within a quadrant: more impact, then less effort, then by text and id (the same everywhere). */
export function byPriority(a: PriorityItem, b: PriorityItem): number {
  return b.impact - a.impact || a.effort - b.effort || (a.text < b.text ? -1 : a.text > b.text ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Items by quadrant, each quadrant best first. */
export function groupByPriority(items: readonly PriorityItem[]): Record<PriorityQuadrant, PriorityItem[]> {
  const out: Record<PriorityQuadrant, PriorityItem[]> = { quickWins: [], majorProjects: [], fillIns: [], thanklessTasks: [] };
  for (const item of items) out[quadrantOf(item)].push(item);
  for (const q of priorityQuadrants) out[q].sort(byPriority);
  return out;
}

/** Quadrant names, for the record and the exports (the app has its own dictionaries). */
export const priorityQuadrantNames = {
  en: { quickWins: 'Quick wins', majorProjects: 'Major projects', fillIns: 'Fill-ins', thanklessTasks: 'Thankless tasks' },
  fr: { quickWins: 'Gains rapides', majorProjects: 'Grands projets', fillIns: 'Tâches d’appoint', thanklessTasks: 'Tâches ingrates' },
} as const satisfies Record<'en' | 'fr', Record<PriorityQuadrant, string>>;
