import { describe, expect, it } from 'vitest';
import { sortIdeas } from '#core/ideas/sort';

const ideas = [
  { id: 'a', votes: 3, createdAt: '2026-11-01T10:00:00.000Z', category: 'loyalty' },
  { id: 'b', votes: 7, createdAt: '2026-11-02T10:00:00.000Z', category: 'children' },
  { id: 'c', votes: 3, createdAt: '2026-11-03T10:00:00.000Z', category: 'loyalty' },
  { id: 'd', votes: 0, createdAt: '2026-11-03T10:00:00.000Z', category: 'children' },
];

describe('sorting ideas', () => {
  it('by votes, ties newest first', () => {
    expect(sortIdeas('votes', ideas).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
  });
  it('by newest, ties by id, later first', () => {
    expect(sortIdeas('newest', ideas).map((i) => i.id)).toEqual(['d', 'c', 'b', 'a']);
  });
  it('by category, then votes', () => {
    expect(sortIdeas('category', ideas).map((i) => i.id)).toEqual(['b', 'd', 'c', 'a']);
  });
});
