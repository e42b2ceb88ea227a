import { describe, expect, it } from 'vitest';
import { checkEntries, tallyEntries } from '#core/methods/private-entries';

const columns = ['strengths', 'weaknesses', 'opportunities', 'threats'];

describe('private-first board entries', () => {
  it('gathers entries per column, alphabetically, counting the same entry once with its count', () => {
    const r = tallyEntries(columns, [
      [
        { column: 'strengths', text: 'Loyal customers' },
        { column: 'threats', text: 'A new competitor' },
      ],
      [
        { column: 'strengths', text: '  loyal   customers ' },
        { column: 'strengths', text: 'A central site' },
      ],
    ]);
    expect(r).toEqual({
      kind: 'entries',
      contributors: 2,
      total: 4,
      columns: [
        { column: 'strengths', entries: [{ text: 'A central site', count: 1 }, { text: 'Loyal customers', count: 2 }] },
        { column: 'weaknesses', entries: [] },
        { column: 'opportunities', entries: [] },
        { column: 'threats', entries: [{ text: 'A new competitor', count: 1 }] },
      ],
    });
  });

  it('shows the same text for the same entries whatever order the ballots are read in', () => {
    const a = [{ column: 'threats', text: 'rents go up in  town' }];
    const b = [{ column: 'threats', text: 'Rents go up in town' }];
    const shown = (ballots: (typeof a)[]) => tallyEntries(columns, ballots).columns[3]!.entries;
    expect(shown([a, b])).toEqual([{ text: 'Rents go up in town', count: 2 }]);
    expect(shown([b, a])).toEqual([{ text: 'Rents go up in town', count: 2 }]);
  });

  it('checks entries against the board', () => {
    expect(checkEntries(columns, 2, [{ column: 'strengths', text: 'x' }])).toBeNull();
    expect(checkEntries(columns, 2, [])).toMatch(/at least one/);
    expect(checkEntries(columns, 1, [{ column: 'strengths', text: 'x' }, { column: 'threats', text: 'y' }])).toMatch(/at most 1/);
    expect(checkEntries(columns, 2, [{ column: 'pros', text: 'x' }])).toMatch(/not a column/);
  });
});
