import { describe, expect, it } from 'vitest';
import { clampScore, groupByPriority, PriorityItem, quadrantOf } from '#core/methods/prioritisation';

const item = (id: string, impact: number, effort: number, text = id): PriorityItem => ({
  id,
  text,
  impact,
  effort,
  authorId: 'alice-000001',
  authorName: 'Alice',
  createdAt: '2026-12-06T09:00:00Z',
});

describe('prioritisation 2×2 maths', () => {
  it('names the quadrant, half way (50) counting as high', () => {
    expect(quadrantOf({ impact: 80, effort: 10 })).toBe('quickWins');
    expect(quadrantOf({ impact: 50, effort: 49 })).toBe('quickWins');
    expect(quadrantOf({ impact: 50, effort: 50 })).toBe('majorProjects');
    expect(quadrantOf({ impact: 49, effort: 49 })).toBe('fillIns');
    expect(quadrantOf({ impact: 0, effort: 100 })).toBe('thanklessTasks');
  });

  it('keeps scores whole and within 0–100', () => {
    expect(clampScore(-5)).toBe(0);
    expect(clampScore(100.4)).toBe(100);
    expect(clampScore(250)).toBe(100);
    expect(clampScore(49.5)).toBe(50);
    expect(clampScore(Number.NaN)).toBe(50);
    expect(PriorityItem.safeParse(item('item-0000001', 101, 0)).success).toBe(false);
    expect(PriorityItem.safeParse(item('item-0000001', 1.5, 0)).success).toBe(false);
  });

  it('orders each quadrant best first: more impact, then less effort, then text and id', () => {
    const grouped = groupByPriority([item('item-0000003', 90, 30), item('item-0000001', 90, 10), item('item-0000002', 95, 40), item('item-0000004', 10, 90)]);
    expect(grouped.quickWins.map((i) => i.id)).toEqual(['item-0000002', 'item-0000001', 'item-0000003']);
    expect(grouped.thanklessTasks.map((i) => i.id)).toEqual(['item-0000004']);
    expect(grouped.majorProjects).toEqual([]);
  });
});
