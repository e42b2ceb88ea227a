import { describe, expect, it } from 'vitest';
import type { DocumentContent } from '#core/api/history';
import { changesBetween, entriesWithRemoved } from '../../../../renderer/history/moment-diff.ts';

const item = (id: string, text: string) => ({
  id,
  text,
  quadrant: 'strengths',
});
const content = (items: ReturnType<typeof item>[], brief = 'b'): DocumentContent => ({
  boards: [{ id: 'swot', kind: 'swot', items, options: [] }],
  comments: [],
  brief,
});

describe('what changed at a moment (the timeline marks)', () => {
  it('marks added, changed and removed entries and a changed brief', () => {
    const before = content([item('keep-0001', 'same'), item('edit-0001', 'old'), item('gone-0001', 'bye')]);
    const after = content([item('keep-0001', 'same'), item('edit-0001', 'new'), item('new-00001', 'hi')], 'b2');
    const marks = changesBetween(before, after);
    expect(Object.fromEntries(marks)).toEqual({
      'methods/swot/items/edit-0001': 'changed',
      'methods/swot/items/new-00001': 'added',
      'methods/swot/items/gone-0001': 'removed',
      brief: 'changed',
    });
    const shown = entriesWithRemoved('swot', 'items', after.boards[0]!.items, before.boards[0]!.items, marks);
    expect(shown.map((e) => [e.entry.id, e.mark])).toEqual([
      ['keep-0001', null],
      ['edit-0001', 'changed'],
      ['new-00001', 'added'],
      ['gone-0001', 'removed'],
    ]);
  });
});
