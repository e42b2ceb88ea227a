import type { Redis } from 'ioredis';
import { redisPrefix } from './redis.ts';

const ownerKey = (activityId: string) => `${redisPrefix}owner:${activityId}`;

/**
 * Takes a room's lease unless a live node holds it (a node is alive while its key,
 * `<prefix>node:<id>` of server/cluster/redis-bus.ts, has not expired); answers who holds it.
 * The lease says who should own the room; the store's epoch (server/sync/room-fence.ts),
 * raised by each new owner, is what stops a former owner's writes: Redis may forget
 * (restarted without persistence, a failover), the store does not.
 */
const acquireScript = `
local current = redis.call('GET', KEYS[1])
if current and current ~= ARGV[1] and redis.call('EXISTS', ARGV[2] .. current) == 1 then
  return current
end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]
`;

/** Gives the lease back only if it is still this node's. */
const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** Which node owns each activity's room: one at a time, for as long as it lives (its key in Redis). */
export class RoomLeases {
  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
  ) {}

  /** This node takes the room's lease if nobody alive holds it; says who holds it now. */
  async acquire(activityId: string): Promise<string> {
    return String(await this.redis.eval(acquireScript, 1, ownerKey(activityId), this.nodeId, `${redisPrefix}node:`));
  }

  /** Who holds the room's lease, alive or not; null when nobody does. */
  owner(activityId: string): Promise<string | null> {
    return this.redis.get(ownerKey(activityId));
  }

  /** Gives the room back (it was unloaded): the next node to need it takes it. */
  async release(activityId: string): Promise<void> {
    await this.redis.eval(releaseScript, 1, ownerKey(activityId), this.nodeId);
  }
}
