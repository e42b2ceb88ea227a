import { describe, expect, it } from 'vitest';
import { checkMatrixBallot, normaliseWeights, tallyMatrix } from '#core/methods/matrix';

const options = ['Lyon', 'Lille'];
const criteria = [
  { label: 'Cost', weight: 3 },
  { label: 'Reach', weight: 1 },
];

describe('weighted decision matrix', () => {
  it('normalises weights to sum to 1', () => {
    expect(normaliseWeights(criteria)).toEqual([
      { criterion: 'Cost', weight: 3, normalised: 0.75 },
      { criterion: 'Reach', weight: 1, normalised: 0.25 },
    ]);
    expect(() => normaliseWeights([{ label: 'Cost', weight: 0 }])).toThrow(/not all 0/);
  });

  it('averages scores and weighs each criterion’s contribution (worked by hand)', () => {
    // Means: Lyon Cost (8+6)/2 = 7, Reach (4+6)/2 = 5 → 0.75×7 + 0.25×5 = 5.25 + 1.25 = 6.5
    //        Lille Cost (6+4)/2 = 5, Reach (10+8)/2 = 9 → 3.75 + 2.25 = 6.0
    const r = tallyMatrix(options, criteria, [
      { Lyon: { Cost: 8, Reach: 4 }, Lille: { Cost: 6, Reach: 10 } },
      { Lyon: { Cost: 6, Reach: 6 }, Lille: { Cost: 4, Reach: 8 } },
    ]);
    expect(r.ranking).toEqual([
      {
        option: 'Lyon',
        total: 6.5,
        contributions: [
          { criterion: 'Cost', meanScore: 7, contribution: 5.25 },
          { criterion: 'Reach', meanScore: 5, contribution: 1.25 },
        ],
      },
      {
        option: 'Lille',
        total: 6,
        contributions: [
          { criterion: 'Cost', meanScore: 5, contribution: 3.75 },
          { criterion: 'Reach', meanScore: 9, contribution: 2.25 },
        ],
      },
    ]);
    expect(r).toMatchObject({ ballots: 2, winners: ['Lyon'], decided: true });
  });

  it('treats totals equal up to rounding as a tie', () => {
    // 0.1 + 0.2 style rounding: thirds of weights, totals both 5 in exact arithmetic.
    const thirds = [
      { label: 'a', weight: 1 },
      { label: 'b', weight: 1 },
      { label: 'c', weight: 1 },
    ];
    const r = tallyMatrix(['X', 'Y'], thirds, [{ X: { a: 3, b: 5, c: 7 }, Y: { a: 7, b: 3, c: 5 } }]);
    expect(r.winners).toEqual(['X', 'Y']);
    expect(r.decided).toBe(false);
  });

  it('checks that a ballot scores every option on every criterion, within the scale', () => {
    const scale = { min: 0, max: 10 };
    const full = { Lyon: { Cost: 1, Reach: 2 }, Lille: { Cost: 3, Reach: 4 } };
    expect(checkMatrixBallot(options, criteria, scale, full)).toBeNull();
    expect(checkMatrixBallot(options, criteria, scale, { Lyon: full.Lyon })).toMatch(/score "Lille"/);
    expect(checkMatrixBallot(options, criteria, scale, { ...full, Lyon: { Cost: 1 } })).toMatch(/"Lyon" on "Reach"/);
    expect(checkMatrixBallot(options, criteria, scale, { ...full, Lyon: { Cost: 11, Reach: 1 } })).toMatch(/between 0 and 10/);
    expect(checkMatrixBallot(options, criteria, scale, { ...full, Paris: { Cost: 1, Reach: 1 } })).toMatch(/not one of the options/);
    expect(checkMatrixBallot(options, criteria, scale, { ...full, Lyon: { Cost: 1, Reach: 1, Fun: 1 } })).toMatch(
      /not one of the criteria/,
    );
  });
});
