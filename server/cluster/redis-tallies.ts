import type { Redis } from 'ioredis';
import { redisPrefix } from './redis.ts';

/**
 * Adds each node's counts to the totals of one hash and reads totals back, in one script:
 * ARGV holds the hash's lifetime, how many fields to add to, the adding node's name and the
 * batch's number, those fields with what to add, then the fields to read. A batch numbered
 * no higher than the last one of that node added to this hash adds nothing (it was added
 * before, its answer lost): the node's last number is kept in the hash, under a field no id
 * can be. A field never written reads 0.
 */
const addAndReadScript = `
local ttl, n, from, batch = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
if n > 0 then
  local mark = '#sent:' .. from
  if tonumber(redis.call('HGET', KEYS[1], mark) or '-1') < batch then
    redis.call('HSET', KEYS[1], mark, ARGV[4])
    for i = 0, n - 1 do
      redis.call('HINCRBY', KEYS[1], ARGV[5 + 2 * i], ARGV[6 + 2 * i])
    end
  end
end
local out = {}
for i = 5 + 2 * n, #ARGV do
  out[#out + 1] = redis.call('HGET', KEYS[1], ARGV[i]) or '0'
end
if n > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return out
`;

/** Fields one script adds to or reads at most: a bigger batch goes as several scripts, one after the other. */
const fieldsPerScript = 1_000;
/** A batch's scripts are numbered `batch × this + i`: a batch sent again skips those already added. */
const scriptsPerBatch = 1_000_000;

/**
 * Counts that every relay node adds to in the Redis they share, per hash (a day's writes, an
 * hour's presence bytes): a node sends what it counted since its last call and reads the
 * totals back in the same script (CLUSTER.md N14, N15).
 */
export class RedisTallies {
  constructor(private readonly redis: Redis) {}

  /**
   * Adds `added` to the fields of hash `name` (which expires `ttlMs` after its last addition)
   * and answers the totals of `read`, in its order. `batch` names what is added: the node
   * (`from`) and a number that grows with each batch it sends; a batch sent again (its answer
   * was lost, though Redis may have added it) adds nothing twice.
   */
  async addAndRead(name: string, added: ReadonlyMap<string, number>, read: readonly string[], ttlMs: number, batch: { from: string; number: number }): Promise<number[]> {
    const adds = [...added].filter(([, n]) => n !== 0);
    const totals: number[] = [];
    let a = 0;
    let r = 0;
    let script = batch.number * scriptsPerBatch;
    while (a < adds.length || r < read.length) {
      const addNow = adds.slice(a, a + fieldsPerScript);
      const readNow = read.slice(r, r + fieldsPerScript - addNow.length);
      a += addNow.length;
      r += readNow.length;
      const answer = (await this.redis.eval(addAndReadScript, 1, `${redisPrefix}${name}`, ttlMs, addNow.length, batch.from, script++, ...addNow.flat(), ...readNow)) as string[];
      for (const value of answer) totals.push(Number(value));
    }
    return totals;
  }
}
