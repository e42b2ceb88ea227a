import { afterAll, beforeAll } from 'vitest';
import pino from 'pino';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../server/cluster/redis.ts';
import { startRedis, type RedisProcess } from './redis.ts';

/**
 * A real redis-server for the tests of a `describe` (started before them, stopped after) and
 * connections to it as a relay node opens them, each with its command timeout.
 */
export function useRedis() {
  let redis: RedisProcess;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis?.stop();
  });
  return {
    get url() {
      return redis.url;
    },
    async client(name: string, commandTimeoutMs = 5_000): Promise<Redis> {
      const c = connectRedis(redis.url, pino({ level: 'silent' }), name, { commandTimeoutMs });
      await c.connect();
      clients.push(c);
      return c;
    },
  };
}

/** Keeps Redis busy for `ms` with a script of `client`'s (a slow Redis: others' commands wait); resolves when it is free again. */
export function keepRedisBusy(client: Redis, ms: number): Promise<unknown> {
  const script = `local t = redis.call('TIME') local s = t[1] * 1000000 + t[2] repeat t = redis.call('TIME') until t[1] * 1000000 + t[2] - s > ${ms * 1000} return 1`;
  return client.eval(script, 0);
}
