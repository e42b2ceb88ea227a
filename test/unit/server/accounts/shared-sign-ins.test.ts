import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { RedisSignIns } from '../../../../server/cluster/redis-sign-ins.ts';
import { SignInThrottle, defaultLimits } from '../../../../server/accounts/sign-in-throttle.ts';
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
});
