import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../../../server/cluster/redis.ts';
import { RedisSignIns } from '../../../../server/cluster/redis-sign-ins.ts';
import { SignInThrottle, defaultLimits } from '../../../../server/accounts/sign-in-throttle.ts';
import { startRedis, type RedisProcess } from '../../../support/redis.ts';

const log = pino({ level: 'silent' });
/** One free try per account and address, so that a single attempt left in flight holds the next. */
const limits = { ...defaultLimits, pair: { free: 1, baseMs: 1_000, maxMs: 60_000 } };

/** The sign-in throttle of two relay nodes sharing their counters in a real redis-server (CLUSTER.md N12). */
describe('SignInThrottle over Redis', () => {
  let redis: RedisProcess;
  const clients: Redis[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis?.stop();
  });

  async function client(name: string, commandTimeoutMs: number) {
    const c = connectRedis(redis.url, log, name, { commandTimeoutMs });
    await c.connect();
    clients.push(c);
    return c;
  }

  it('an attempt Redis admitted but answered too late is still settled there: the right password leaves nothing held', async () => {
    const a = new SignInThrottle(Date.now, limits);
    a.shareThrough(new RedisSignIns(await client('a', 1_000)), log);
    const b = new SignInThrottle(Date.now, limits);
    b.shareThrough(new RedisSignIns(await client('b', 5_000)), log);
    const busy = await client('busy', 5_000);
    // Redis busy for 1.5 s (another client's script): A's admission runs after A gave up on it (1 s).
    const blocking = busy.eval("local t = redis.call('TIME') local s = t[1] * 1000000 + t[2] repeat t = redis.call('TIME') until t[1] * 1000000 + t[2] - s > 1500000 return 1", 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = await a.admitEverywhere('ana@example.org', '192.0.2.1');
    await blocking;
    expect(first.ok).toBe(true);
    if (first.ok) await first.attempt.succeeded();
    const next = await b.admitEverywhere('ana@example.org', '192.0.2.1');
    expect(next).toMatchObject({ ok: true });
  });
});
