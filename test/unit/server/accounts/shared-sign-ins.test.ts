import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { RedisSignIns } from '../../../../server/cluster/redis-sign-ins.ts';
import { SignInThrottle, defaultLimits, type SharedGuesses } from '../../../../server/accounts/sign-in-throttle.ts';
import { keepRedisBusy, useRedis } from '../../../support/redis-clients.ts';

const log = pino({ level: 'silent' });
/** One free try per account and address, so that a single attempt left in flight holds the next. */
const limits = { ...defaultLimits, pair: { free: 1, baseMs: 1_000, maxMs: 60_000 } };

/** The sign-in throttle of two relay nodes sharing their counters in a real redis-server (CLUSTER.md N12). */
describe('SignInThrottle over Redis', () => {
  const redis = useRedis();

  it('an attempt Redis admitted but answered too late is still settled there: the right password leaves nothing held', async () => {
    const a = new SignInThrottle(Date.now, limits);
    a.shareThrough(new RedisSignIns(await redis.client('a', 1_000)), log);
    const b = new SignInThrottle(Date.now, limits);
    b.shareThrough(new RedisSignIns(await redis.client('b')), log);
    const busy = await redis.client('busy');
    // Redis busy for 1.5 s (another client's script): A's admission runs after A gave up on it (1 s).
    const blocking = keepRedisBusy(busy, 1_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = await a.admitEverywhere('ana@example.org', '192.0.2.1');
    await blocking;
    expect(first.ok).toBe(true);
    if (first.ok) await first.attempt.succeeded();
    const next = await b.admitEverywhere('ana@example.org', '192.0.2.1');
    expect(next).toMatchObject({ ok: true });
  });

  it('while Redis does not answer, one attempt at a time waits for it: the others are judged by this node alone at once', async () => {
    const real = new RedisSignIns(await redis.client('slow', 1_000));
    let asked = 0;
    const counting: SharedGuesses = {
      admit: (account, address, id, rules, windowMs) => {
        asked++;
        return real.admit(account, address, id, rules, windowMs);
      },
      settle: (account, address, id, rules, outcome) => real.settle(account, address, id, rules, outcome),
    };
    const throttle = new SignInThrottle(Date.now);
    throttle.shareThrough(counting, log);
    // Redis busy for 2.5 s: the first attempt waits out the command timeout (1 s).
    const blocking = keepRedisBusy(await redis.client('busy-2'), 2_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = await throttle.admitEverywhere('first@example.org', '192.0.2.9');
    expect(first.ok).toBe(true);
    asked = 0;
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => throttle.admitEverywhere(`person-${i}@example.org`, '198.51.100.1')));
    expect(attempts.map((a) => a.ok)).toEqual(Array(10).fill(true));
    expect(asked).toBe(1);
    await blocking;
    // Redis answering again: every attempt is judged there again.
    await throttle.admitEverywhere('later@example.org', '192.0.2.10');
    await throttle.admitEverywhere('later@example.org', '192.0.2.10');
    expect(asked).toBe(3);
  });
});
