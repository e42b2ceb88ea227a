import { describe, expect, it } from 'vitest';
import { checkDotsBallot, tallyDots } from '#core/methods/dots';

describe('dot voting', () => {
  const options = ['A', 'B', 'C'];

  it('sums dots, counts supporters, ranks ties on dots by supporters but keeps them winners', () => {
    // A = 3+1 = 4 (2 people), B = 2+1 = 3 (2 people), C = 1+2+1 = 4 (3 people)
    const r = tallyDots(options, [{ A: 3 }, { B: 2, C: 1 }, { B: 1, C: 2 }, { A: 1, C: 1 }]);
    expect(r.ranking).toEqual([
      { option: 'C', dots: 4, supporters: 3 },
      { option: 'A', dots: 4, supporters: 2 },
      { option: 'B', dots: 3, supporters: 2 },
    ]);
    expect(r).toMatchObject({ voters: 4, totalDots: 11, winners: ['C', 'A'], decided: false });
  });

  it('one clear winner is decided', () => {
    const r = tallyDots(options, [{ B: 2 }, { B: 1, A: 1 }]);
    expect(r).toMatchObject({ winners: ['B'], decided: true, totalDots: 4 });
  });

  it('checks a ballot against the budget, the per-option cap and the options', () => {
    expect(checkDotsBallot(options, { A: 2, B: 1 }, 3, null)).toBeNull();
    expect(checkDotsBallot(options, { A: 2, B: 2 }, 3, null)).toMatch(/4 dots placed, but each person has 3/);
    expect(checkDotsBallot(options, { A: 3 }, 3, 2)).toMatch(/at most 2 dots on one option/);
    expect(checkDotsBallot(options, { D: 1 }, 3, null)).toMatch(/not one of the options/);
    expect(checkDotsBallot(options, { A: 0 }, 3, null)).toMatch(/at least one dot/);
    expect(checkDotsBallot(options, { A: 1.5 }, 3, null)).toMatch(/whole number/);
  });
});
