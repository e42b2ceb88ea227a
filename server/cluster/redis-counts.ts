import type { Redis } from 'ioredis';
import { aliveKeyPrefix, redisPrefix } from './redis.ts';

/** What the relay counts of live connections across nodes (SPEC C1–C3), and how many of each it allows. */
export interface LiveCaps {
  maxConnectionsPerPerson: number;
  maxConnectionsPerAddress: number;
  maxRoomsPerPerson: number;
}

/** Which cap a connection would pass: `person` (C1), `address` (C2), `rooms` (C3). */
export type CapReached = 'person' | 'address' | 'rooms';

/**
 * Takes a place in three hashes at once, or none: each hash holds a count per node (the
 * rooms hash, per room and node), and only the counts of live nodes are summed — a field
 * of a node whose heartbeat key is gone is dropped on the way, so a node killed with its
 * clients gives their places back once it is dead to the others. Each loop runs over one
 * person's or one address's fields: at most the caps times the nodes.
 */
const admitScript = `
local node, room, prefix = ARGV[1], ARGV[2], ARGV[6]
local function live(n) return n == node or redis.call('EXISTS', prefix .. n) == 1 end
local function sum(key)
  local all = redis.call('HGETALL', key)
  local total = 0
  for i = 1, #all, 2 do
    if live(all[i]) then total = total + tonumber(all[i + 1]) else redis.call('HDEL', key, all[i]) end
  end
  return total
end
if sum(KEYS[1]) >= tonumber(ARGV[3]) then return 1 end
if sum(KEYS[2]) >= tonumber(ARGV[4]) then return 2 end
local rooms, count = {}, 0
local all = redis.call('HGETALL', KEYS[3])
for i = 1, #all, 2 do
  local field = all[i]
  local sep = string.find(field, '|', 1, true)
  local r, n = string.sub(field, 1, sep - 1), string.sub(field, sep + 1)
  if live(n) then
    if not rooms[r] then count = count + 1 end
    rooms[r] = true
  else
    redis.call('HDEL', KEYS[3], field)
  end
end
if not rooms[room] and count >= tonumber(ARGV[5]) then return 3 end
redis.call('HINCRBY', KEYS[1], node, 1)
redis.call('HINCRBY', KEYS[2], node, 1)
redis.call('HINCRBY', KEYS[3], room .. '|' .. node, 1)
for k = 1, 3 do redis.call('PEXPIRE', KEYS[k], tonumber(ARGV[7])) end
return 0
`;

const releaseScript = `
local fields = { ARGV[1], ARGV[1], ARGV[2] .. '|' .. ARGV[1] }
for k = 1, 3 do
  if redis.call('HINCRBY', KEYS[k], fields[k], -1) <= 0 then redis.call('HDEL', KEYS[k], fields[k]) end
end
return 0
`;

/** A count left by a node nobody cleaned up goes with its key after a day without admissions. */
const keyTtlMs = 24 * 3_600_000;
const reached: CapReached[] = ['person', 'address', 'rooms'];

/**
 * Live connections counted over every relay node (CLUSTER.md N11), in the Redis the nodes
 * share: one script per admission judges and counts the three caps at once, so nodes
 * admitting at the same moment cannot all pass.
 */
export class SharedLiveCounts {
  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly caps: LiveCaps,
  ) {}

  /** Takes a place for the connection on this node, or says which cap it reached; `release` gives it back once. */
  async admit(userId: string, address: string, room: string): Promise<{ release: () => void } | { reached: CapReached }> {
    const keys = [`${redisPrefix}live:p:${userId}`, `${redisPrefix}live:a:${address}`, `${redisPrefix}live:r:${userId}`];
    const { maxConnectionsPerPerson, maxConnectionsPerAddress, maxRoomsPerPerson } = this.caps;
    const answer = Number(
      await this.redis.eval(admitScript, 3, ...keys, this.nodeId, room, maxConnectionsPerPerson, maxConnectionsPerAddress, maxRoomsPerPerson, aliveKeyPrefix, keyTtlMs),
    );
    if (answer !== 0) return { reached: reached[answer - 1] ?? 'person' };
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        void this.redis.eval(releaseScript, 3, ...keys, this.nodeId, room).catch(() => undefined);
      },
    };
  }
}
