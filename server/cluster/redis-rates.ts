import type { Redis } from 'ioredis';
import { redisPrefix } from './redis.ts';

/**
 * Takes one token of a bucket kept in Redis (a hash: its tokens and when they were counted),
 * refilled at ARGV[1] a second up to ARGV[2], at the instant ARGV[3] (ms, the asking node's
 * clock; a node whose clock is behind refills nothing). Answers 1 and takes it, or 0 and
 * changes nothing. A full bucket is as good as none: the key expires once it would be full.
 */
const takeTokenScript = `
local perSecond, burst, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(held[1]), tonumber(held[2])
if not tokens or not at then tokens, at = burst, now end
if now > at then
  tokens = math.min(burst, tokens + (now - at) / 1000 * perSecond)
  at = now
end
if tokens < 1 then return 0 end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / perSecond * 1000) + 1000)
return 1
`;

/** The HTTP API's rates taken atomically over every relay node, in the Redis they share (CLUSTER.md N15). */
export class RedisRates {
  constructor(private readonly redis: Redis) {}

  /** Takes a token of bucket `name` for `key` (`perSecond` sustained, `burst` at once) at `now`; false, taking none, when it is empty. */
  async takeToken(name: string, key: string, perSecond: number, burst: number, now: number): Promise<boolean> {
    return Number(await this.redis.eval(takeTokenScript, 1, `${redisPrefix}bucket:${name}:${key}`, perSecond, burst, now)) === 1;
  }
}
