import { describe, expect, it } from 'vitest';
import { convergence, quantile, summariseEstimates, tallyEstimates } from '#core/methods/delphi';

describe('Delphi estimates', () => {
  it('interpolates quartiles linearly (type 7), worked by hand', () => {
    // n = 4: h(¼) = 0.75 → 10 + 0.75×10 = 17.5; h(½) = 1.5 → 25; h(¾) = 2.25 → 32.5
    expect(summariseEstimates([40, 10, 30, 20])).toEqual({ n: 4, min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40, iqr: 15 });
  });

  it('is robust to an outlier: odd count, quartiles on order statistics', () => {
    expect(summariseEstimates([100, 3, 1, 7, 5])).toEqual({ n: 5, min: 1, q1: 3, median: 5, q3: 7, max: 100, iqr: 4 });
  });

  it('has an IQR of 0 for one value, and no summary for none', () => {
    expect(summariseEstimates([42])).toMatchObject({ median: 42, iqr: 0 });
    expect(summariseEstimates([])).toBeNull();
    expect(() => quantile([], 0.5)).toThrow();
  });

  it('measures convergence between rounds', () => {
    const first = summariseEstimates([100, 150, 200, 300, 500]); // q1 150, median 200, q3 300
    const second = summariseEstimates([150, 180, 200, 220, 260]); // q1 180, median 200, q3 220
    if (!first || !second) throw new Error('summaries expected');
    const c = convergence(first, second);
    expect(c.iqrChange).toBe(-110);
    expect(c.iqrRatio).toBeCloseTo(40 / 150, 12);
    expect(c.medianShift).toBe(0);
    expect(c.converged).toBe(true);
    expect(convergence({ ...first, iqr: 0 }, second).iqrRatio).toBeNull();
  });

  it('lists reasons without an order that could name their authors', () => {
    const r = tallyEstimates(1, [
      { value: 5, reason: 'zeta' },
      { value: 1, reason: 'alpha' },
    ], null);
    expect(r.reasons).toEqual(['alpha', 'zeta']);
    expect(r.convergence).toBeNull();
  });
});
