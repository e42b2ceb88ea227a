import type { Redis } from 'ioredis';
import { redisPrefix } from './redis.ts';

/** One of the sign-in throttle's rules (server/accounts/sign-in-throttle.ts). */
export interface GuessRule {
  free: number;
  baseMs: number;
  maxMs: number;
}

/**
 * The sign-in throttle's counters over every node (CLUSTER.md N12), each a hash: `f` failed
 * attempts in the window (those being checked included), `b` blocked until, `l` the last
 * attempt, and `i:<attempt>` each attempt being checked, since when. Time is Redis's own
 * clock (every node reads the same). An attempt checked for longer than ARGV[3] ms (its node
 * died with it) is no longer waited for: it stays a failure.
 */
const common = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function rule(k) return tonumber(ARGV[1 + 3 * k]), tonumber(ARGV[2 + 3 * k]), tonumber(ARGV[3 + 3 * k]) end
local function delay(k, failures)
  local free, base, max = rule(k)
  if failures <= free then return 0 end
  return math.min(max, base * 2 ^ math.min(30, failures - free - 1))
end
`;

/**
 * Admits attempt ARGV[1] (KEYS: the account-and-address, address and account counters;
 * ARGV[2] the window in ms, ARGV[3] how long an attempt is waited for, then each rule's free
 * tries, base and longest delay) and answers 0, or answers the seconds to wait and counts
 * nothing: as SignInThrottle.admit judges.
 */
const admitScript = `${common}
local windowMs, stale = tonumber(ARGV[2]), tonumber(ARGV[3])
local failures, wait = {}, 0
for k = 1, 3 do
  local f, b, l, inflight = 0, 0, 0, 0
  local all = redis.call('HGETALL', KEYS[k])
  for i = 1, #all, 2 do
    local field, value = all[i], tonumber(all[i + 1])
    if field == 'f' then f = value elseif field == 'b' then b = value elseif field == 'l' then l = value
    elseif now - value > stale then redis.call('HDEL', KEYS[k], field)
    else inflight = inflight + 1 end
  end
  if inflight == 0 and now - l > windowMs and now >= b then
    f, b = 0, 0
    redis.call('DEL', KEYS[k])
  end
  local free = rule(k)
  local queued = 0
  if f >= free and inflight > 0 then queued = delay(k, f + 1) end
  wait = math.max(wait, b - now, queued)
  failures[k] = f
end
if wait > 0 then return math.max(1, math.ceil(wait / 1000)) end
for k = 1, 3 do
  local _, _, max = rule(k)
  redis.call('HSET', KEYS[k], 'f', failures[k] + 1, 'l', now, 'i:' .. ARGV[1], now)
  redis.call('PEXPIRE', KEYS[k], windowMs + max)
end
return 0
`;

/**
 * Settles attempt ARGV[1] as ARGV[2] (failed, succeeded, abandoned) in each counter that
 * still waits for it: a failure past the free tries blocks for its delay; anything else takes
 * the attempt back. A success clears the account-and-address counter and the account's block.
 */
const settleScript = `${common}
local outcome = ARGV[2]
for k = 1, 3 do
  if redis.call('HDEL', KEYS[k], 'i:' .. ARGV[1]) == 1 then
    local f = tonumber(redis.call('HGET', KEYS[k], 'f') or '0')
    local free = rule(k)
    if outcome ~= 'failed' then
      redis.call('HSET', KEYS[k], 'f', math.max(0, f - 1))
    elseif f > free then
      local b = tonumber(redis.call('HGET', KEYS[k], 'b') or '0')
      redis.call('HSET', KEYS[k], 'b', math.max(b, now + delay(k, f)))
    end
  end
end
if outcome == 'succeeded' then
  redis.call('DEL', KEYS[1])
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HSET', KEYS[3], 'b', 0) end
end
return 0
`;

/** How long an attempt being checked is waited for at most (a node that died with it does not hold anyone). */
const attemptMs = 60_000;

/** The sign-in throttle's counters in the Redis the relay's nodes share (CLUSTER.md N12). */
export class RedisSignIns {
  constructor(private readonly redis: Redis) {}

  private keys(account: string, address: string) {
    return [`${redisPrefix}guesses:p:${account} ${address}`, `${redisPrefix}guesses:a:${address}`, `${redisPrefix}guesses:u:${account}`];
  }

  /** Admits attempt `id` (0), or says how many seconds to wait (nothing counted). `rules`: the pair's, the address's, the account's. */
  async admit(account: string, address: string, id: string, rules: readonly GuessRule[], windowMs: number): Promise<number> {
    const limits = rules.flatMap((r) => [r.free, r.baseMs, r.maxMs]);
    return Number(await this.redis.eval(admitScript, 3, ...this.keys(account, address), id, windowMs, attemptMs, ...limits));
  }

  /** Settles attempt `id`: the password was wrong, right, or not judged at all. */
  async settle(account: string, address: string, id: string, rules: readonly GuessRule[], outcome: 'failed' | 'succeeded' | 'abandoned'): Promise<void> {
    const limits = rules.flatMap((r) => [r.free, r.baseMs, r.maxMs]);
    await this.redis.eval(settleScript, 3, ...this.keys(account, address), id, outcome, ...limits);
  }
}
