import { describe, expect, it } from 'vitest';
import { foldHistory } from '../../../../server/activities/history.ts';

const row = (id: number, user: string, at: string, summary: string[] = ['methods/swot']) => ({
  id,
  user_id: user,
  user_name: user === 'gone' ? null : user.toUpperCase(),
  at,
  bytes: 10,
  summary: JSON.stringify(summary),
});

describe('foldHistory', () => {
  it("folds one person's burst into one entry and starts another after a pause or someone else", () => {
    const rows = [
      row(6, 'ana', '2026-11-23T10:20:00Z', ['comments']),
      row(5, 'ana', '2026-11-23T10:18:00Z'),
      row(4, 'ana', '2026-11-23T10:16:30Z', ['brief']),
      row(3, 'bob', '2026-11-23T10:15:00Z'),
      row(2, 'ana', '2026-11-23T10:00:00Z'),
      row(1, 'gone', '2026-11-23T09:00:00Z'),
    ];
    const { entries, complete } = foldHistory(rows, 10);
    expect(complete).toBe(true);
    expect(entries.map((e) => [e.userName, e.updates, e.summary])).toEqual([
      ['ANA', 3, ['brief', 'comments', 'methods/swot']],
      ['BOB', 1, ['methods/swot']],
      ['ANA', 1, ['methods/swot']],
      ['former member', 1, ['methods/swot']],
    ]);
    expect(entries[0]).toMatchObject({ id: 6, at: '2026-11-23T10:20:00Z', since: '2026-11-23T10:16:30Z', bytes: 30 });
  });

  it('stops at the limit and says where the next page starts', () => {
    const rows = [row(3, 'ana', '2026-11-23T10:00:00Z'), row(2, 'bob', '2026-11-23T09:59:00Z'), row(1, 'ana', '2026-11-23T09:58:00Z')];
    const { entries, oldestId, complete } = foldHistory(rows, 2);
    expect(entries).toHaveLength(2);
    expect(complete).toBe(false);
    expect(oldestId).toBe(2);
  });
});
