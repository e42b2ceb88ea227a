import { describe, expect, it } from 'vitest';
import { CountedBucket, TokenBucket } from '../../../../server/sync/rate.ts';

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
  it('drains what was spent elsewhere down to empty, never below, and refills from there (CLUSTER.md N16)', () => {
    const bucket = new TokenBucket(10, 40, 0);
    bucket.drain(0, 35);
    expect(bucket.take(0, 6)).toBe(false);
    expect(bucket.take(0, 5)).toBe(true);
    bucket.drain(0, 1_000);
    expect(bucket.take(0, 1)).toBe(false);
    // One second of refill after being drained: 10 tokens, not fewer.
    expect(bucket.take(1_000, 10)).toBe(true);
  });
  it('gives back what was taken for a refusal, never past the burst', () => {
    const bucket = new TokenBucket(1, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, false]);
    bucket.giveBack();
    bucket.giveBack();
    bucket.giveBack();
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, false]);
  });
  it('a counted bucket tells each cost it paid, and nothing of what it refused', () => {
    const paid: number[] = [];
    const bucket = new CountedBucket(10, 40, 0, (cost) => paid.push(cost));
    expect([bucket.take(0, 30), bucket.take(0, 30), bucket.take(0, 10)]).toEqual([true, false, true]);
    expect(paid).toEqual([30, 10]);
  });
});
