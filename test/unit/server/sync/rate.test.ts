import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../../server/sync/rate.ts';

describe('TokenBucket (SPEC L3)', () => {
  it('allows a burst, then refuses until tokens flow back', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(50)).toBe(false);
    expect(bucket.take(100)).toBe(true);
  });
  it('never holds more than the burst', () => {
    const bucket = new TokenBucket(10, 2, 0);
    const taken = [0, 0, 0].map(() => bucket.take(60_000));
    expect(taken).toEqual([true, true, false]);
  });
  it('sustains exactly the rate over time', () => {
    const bucket = new TokenBucket(5, 1, 0);
    let allowed = 0;
    for (let t = 0; t <= 10_000; t += 10) if (bucket.take(t)) allowed++;
    expect(allowed).toBe(51);
  });
});
