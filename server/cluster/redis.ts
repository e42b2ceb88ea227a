import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Every key and channel the relay uses in Redis starts with this: one Redis may serve other things too. */
export const redisPrefix = 'conclave:';

/** A node's heartbeat key is this followed by its id: it exists while the node is alive (redis-bus.ts). */
export const aliveKeyPrefix = `${redisPrefix}node:`;

/**
 * One connection to the Redis that relay nodes share (`CONCLAVE_REDIS_URL`). A command
 * waits at most `commandTimeoutMs` (a Redis that stops answering must not hold a sync
 * judgement or an API answer for ever), is retried at most once across a reconnect, and
 * reconnects back off up to 2 s. A subscriber needs a connection of its own (Redis's rule).
 */
export function connectRedis(url: string, log: Logger, name: string, options: { commandTimeoutMs?: number } = {}): Redis {
  const redis = new Redis(url, {
    connectionName: `conclave-${name}`,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 5_000,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
    lazyConnect: true,
  });
  let reported = false;
  redis.on('error', (err: Error) => {
    // ioredis reports every failed reconnect: say it once until it works again.
    if (!reported) log.warn({ err: err.message, redis: name }, 'Redis connection failed; retrying');
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) log.info({ redis: name }, 'Redis connection back');
    reported = false;
  });
  return redis;
}
