import { describe, expect, it } from 'vitest';
import { RateWindow } from '../../../../server/auth/rate-window.ts';

describe('RateWindow', () => {
  it('allows `limit` per key in the window, tells the wait in seconds, and counts nothing refused', () => {
    const window = new RateWindow(2, 60_000);
    expect([window.take('a', 0), window.take('a', 1000), window.take('b', 1000)]).toEqual([0, 0, 0]);
    expect(window.take('a', 2000)).toBe(58);
    expect(window.take('a', 59_999)).toBe(1);
    expect(window.take('a', 60_001)).toBe(0);
    expect(window.take('a', 60_002)).toBe(1);
  });

  it('counts recorded from other nodes for a key never judged here are kept within the window and at most `limit` (the newest): the wait is until enough of them leave', () => {
    const window = new RateWindow(2, 10_000);
    // Taken elsewhere, over many windows: a key this node never judges.
    for (let at = 0; at < 1_000_000; at += 2_000) window.record('elsewhere', at);
    // The last two at 996 s and 998 s: one more is allowed once the first leaves, at 1,006 s.
    expect(window.waitFor('elsewhere', 999_000)).toBe(7);
    expect(window.waitFor('elsewhere', 1_006_001)).toBe(0);
  });

  it('keeps at most maxKeys keys, forgetting quiet ones first', () => {
    const window = new RateWindow(1, 1000, 2);
    window.take('old', 0);
    window.take('b', 5000);
    window.take('c', 5000);
    expect([window.waitFor('b', 5001), window.waitFor('c', 5001)]).toEqual([1, 1]);
    // Nothing quiet left: the oldest key goes.
    window.take('d', 5002);
    expect([window.waitFor('b', 5003), window.waitFor('c', 5003), window.waitFor('d', 5003)]).toEqual([0, 1, 1]);
  });
});
