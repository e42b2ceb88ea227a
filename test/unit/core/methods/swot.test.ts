import { describe, expect, it } from 'vitest';
import { byOrder, orderAt } from '#core/methods/order';
import { countByQuadrant, groupByQuadrant, SwotItem, type Quadrant } from '#core/methods/swot';

const item = (id: string, quadrant: Quadrant, order: string) =>
  SwotItem.parse({ id: `item-${id}-0000`, quadrant, text: id, order, authorId: 'author-0001', authorName: 'A', createdAt: '2026-01-01T00:00:00Z' });

describe('SWOT ordering', () => {
  it('puts a new key before, between and after existing ones', () => {
    const list = [{ order: 'a0' }, { order: 'a1' }];
    expect(orderAt(list, 0) < 'a0').toBe(true);
    const middle = orderAt(list, 1);
    expect(middle > 'a0' && middle < 'a1').toBe(true);
    expect(orderAt(list, 2) > 'a1').toBe(true);
    expect(orderAt([], 0)).toBe('a0');
  });

  it('steps over equal neighbour keys instead of throwing (two people inserted at once)', () => {
    const list = [{ order: 'a0' }, { order: 'a0' }, { order: 'a1' }];
    const key = orderAt(list, 1);
    expect(key > 'a0' && key < 'a1').toBe(true);
  });

  it('clamps an index out of range', () => {
    expect(orderAt([{ order: 'a0' }], 99) > 'a0').toBe(true);
    expect(orderAt([{ order: 'a0' }], -5) < 'a0').toBe(true);
  });

  it('sorts by key, then id, so ties read the same everywhere', () => {
    const items = [item('b', 'strengths', 'a0'), item('a', 'strengths', 'a0'), item('c', 'strengths', 'Zz')];
    expect(items.sort(byOrder).map((i) => i.text)).toEqual(['c', 'a', 'b']);
  });

  it('groups and counts by quadrant', () => {
    const items = [item('a', 'threats', 'a1'), item('b', 'threats', 'a0'), item('c', 'strengths', 'a0')];
    expect(groupByQuadrant(items).threats.map((i) => i.text)).toEqual(['b', 'a']);
    expect(countByQuadrant(items)).toEqual({ strengths: 1, weaknesses: 0, opportunities: 0, threats: 2 });
  });

  it('refuses an item without text or with an unknown quadrant', () => {
    expect(() => item('x', 'strengths', 'a0') && SwotItem.parse({ ...item('x', 'strengths', 'a0'), text: '  ' })).toThrow();
    expect(SwotItem.safeParse({ ...item('x', 'strengths', 'a0'), quadrant: 'luck' }).success).toBe(false);
  });
});
