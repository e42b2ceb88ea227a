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

/**
 * Counts one at ARGV[1] (ms) under the name ARGV[2] in each window KEYS names (a sorted set
 * of its counts by instant), ARGV[3 + 2i] counts at most in ARGV[4 + 2i] ms, when every one
 * of them has room: answers 0. Else counts nothing and answers the first full window's
 * number (from 1) and the seconds until its oldest count leaves it. Counts past their
 * window are dropped on the way; a window's key expires with its newest count.
 */
const takeWindowsScript = `
local now, member = tonumber(ARGV[1]), ARGV[2]
for i = 1, #KEYS do
  local limit, span = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - span)
  if redis.call('ZCARD', KEYS[i]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    local at = tonumber(oldest[2]) or now
    return { i, math.max(1, math.ceil((at + span - now) / 1000)) }
  end
end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 + 2 * i]))
end
return { 0, 0 }
`;

/** Gives back one count taken at ARGV[1] by a node whose count names start with ARGV[2]. */
const giveBackScript = `
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])) do
  if string.sub(member, 1, #ARGV[2]) == ARGV[2] then
    redis.call('ZREM', KEYS[1], member)
    return 1
  end
end
return 0
`;

/** One count to take in a named rate window: at most `limit` for `key` in `windowMs`. */
export interface WindowTake {
  name: string;
  key: string;
  limit: number;
  windowMs: number;
}

const windowKey = (name: string, key: string) => `${redisPrefix}window:${name}:${key}`;

/** The HTTP API's rates taken atomically over every relay node, in the Redis they share (CLUSTER.md N13, N15). */
export class RedisRates {
  constructor(private readonly redis: Redis) {}

  /**
   * Counts one at `now` in each window of `takes` when all have room (null), else counts
   * nothing and answers which refused (its index in `takes`) and the seconds to wait.
   * `member` names the count (unique: a node's prefix and a sequence number).
   */
  async takeWindows(takes: readonly WindowTake[], now: number, member: string): Promise<{ index: number; wait: number } | null> {
    const keys = takes.map((t) => windowKey(t.name, t.key));
    const limits = takes.flatMap((t) => [t.limit, t.windowMs]);
    const [refused, wait] = (await this.redis.eval(takeWindowsScript, keys.length, ...keys, now, member, ...limits)) as [number, number];
    return refused === 0 ? null : { index: refused - 1, wait };
  }

  /** Gives back one count of window `name` for `key`, taken at `at` by the node whose counts start with `prefix`. */
  async giveBackWindow(name: string, key: string, at: number, prefix: string): Promise<void> {
    await this.redis.eval(giveBackScript, 1, windowKey(name, key), at, prefix);
  }

  /** Takes a token of bucket `name` for `key` (`perSecond` sustained, `burst` at once) at `now`; false, taking none, when it is empty. */
  async takeToken(name: string, key: string, perSecond: number, burst: number, now: number): Promise<boolean> {
    return Number(await this.redis.eval(takeTokenScript, 1, `${redisPrefix}bucket:${name}:${key}`, perSecond, burst, now)) === 1;
  }
}
