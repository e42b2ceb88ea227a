import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { RedisTallies } from '../../../../server/cluster/redis-tallies.ts';
import { SharedTally } from '../../../../server/sync/shared-tally.ts';
import { keepRedisBusy, useRedis } from '../../../support/redis-clients.ts';

const log = pino({ level: 'silent' });

/** Counts two relay nodes add to in one Redis, a batch at a time (CLUSTER.md N14, N16), on a real redis-server. */
describe('SharedTally on Redis', () => {
  const redis = useRedis();

  async function node(name: string, elsewhere?: (id: string, count: number) => void) {
    const client = await redis.client(name, 1_000);
    const tally = new SharedTally(new RedisTallies(client), 60_000, log, elsewhere);
    tally.keyed('written:2026-12-07');
    return { client, tally };
  }

  it('each node knows every node’s total as last read, plus what it counted since; what others counted between reads is told', async () => {
    const told: [string, number][] = [];
    const a = await node('a', (id, n) => told.push([id, n]));
    const b = await node('b');
    expect(a.tally.total('p:ana')).toBeUndefined();
    a.tally.add('p:ana', 100);
    await a.tally.exchange(['p:ana']);
    expect(a.tally.total('p:ana')).toBe(100);
    await b.tally.exchange(['p:ana']);
    b.tally.add('p:ana', 50);
    expect(b.tally.total('p:ana')).toBe(150);
    // A still knows 100 (plus its own since) until B sends and A reads again.
    a.tally.add('p:ana', 1);
    expect(a.tally.total('p:ana')).toBe(101);
    await b.tally.exchange([]);
    await a.tally.exchange(['p:ana']);
    expect(a.tally.total('p:ana')).toBe(151);
    // Told only of B's 50: its own 1 is not "elsewhere".
    expect(told).toEqual([['p:ana', 50]]);
  });

  it('an id counted here is read again at each exchange after it left (its person no longer connected here): a node that owned their room knows what they wrote since on another', async () => {
    const a = await node('f');
    const b = await node('g');
    a.tally.add('p:cid', 10);
    await a.tally.exchange([]);
    b.tally.add('p:cid', 20);
    await b.tally.exchange([]);
    await a.tally.exchange([]);
    expect(a.tally.total('p:cid')).toBe(30);
  });

  it('an exchange Redis does not answer keeps its counts for the next one: nothing counted here is lost', async () => {
    const a = await node('c');
    a.tally.keyed('written:2026-12-08');
    a.tally.add('p:ben', 40);
    await a.tally.exchange(['p:ben']);
    a.client.disconnect();
    a.tally.add('p:ben', 30);
    await a.tally.exchange(['p:ben']);
    expect(a.tally.total('p:ben')).toBe(70);
    await a.client.connect();
    await a.tally.exchange(['p:ben']);
    const b = await node('d');
    b.tally.keyed('written:2026-12-08');
    await b.tally.exchange(['p:ben']);
    expect(b.tally.total('p:ben')).toBe(70);
  });

  it('an exchange Redis ran but answered too late is not counted again when its counts are sent once more', async () => {
    const a = await node('h');
    a.tally.keyed('written:2026-12-10');
    const busy = await redis.client('busy');
    a.tally.add('p:dee', 5);
    // Redis busy for 1.5 s (a script of another client's): A's exchange runs after A gave up on it (1 s).
    const blocking = keepRedisBusy(busy, 1_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await a.tally.exchange(['p:dee']);
    await blocking;
    expect(a.tally.total('p:dee')).toBeUndefined();
    await a.tally.exchange(['p:dee']);
    const b = await node('j');
    b.tally.keyed('written:2026-12-10');
    await b.tally.exchange(['p:dee']);
    expect(b.tally.total('p:dee')).toBe(5);
    expect(a.tally.total('p:dee')).toBe(5);
  });

  it('someone joining reads from Redis only the ids not read at the last exchange: a join costs one short read, not an exchange of every id', async () => {
    const store = new RedisTallies(await redis.client('k', 1_000));
    const reads: string[][] = [];
    const counting = {
      addAndRead: (name: string, added: ReadonlyMap<string, number>, read: readonly string[], ttlMs: number, batch: { from: string; number: number }) => {
        reads.push([...read]);
        return store.addAndRead(name, added, read, ttlMs, batch);
      },
    };
    const a = new SharedTally(counting, 60_000, log);
    a.keyed('written:2026-12-11');
    const b = await node('l');
    b.tally.keyed('written:2026-12-11');
    b.tally.add('p:newcomer', 70);
    await b.tally.exchange([]);
    const present = Array.from({ length: 500 }, (_, i) => `p:present-${i}`);
    await a.exchange(present);
    reads.length = 0;
    // 50 joins of people read at the last exchange, then one newcomer's.
    for (let i = 0; i < 50; i++) await a.readNew([present[i]!]);
    await a.readNew(['p:newcomer', present[0]!]);
    expect(reads).toEqual([['p:newcomer']]);
    expect(a.total('p:newcomer')).toBe(70);
    // Read at every exchange from then on.
    await a.exchange([]);
    expect(reads[1]).toContain('p:newcomer');
  });

  it('once Redis answers again, one exchange sends the batch it did not answer and what was counted since', async () => {
    const a = await node('m');
    a.tally.keyed('written:2026-12-12');
    a.tally.add('p:eli', 10);
    await a.tally.exchange(['p:eli']);
    a.client.disconnect();
    a.tally.add('p:eli', 20);
    await a.tally.exchange(['p:eli']);
    a.tally.add('p:eli', 5);
    await a.client.connect();
    await a.tally.exchange(['p:eli']);
    const b = await node('n');
    b.tally.keyed('written:2026-12-12');
    await b.tally.exchange(['p:eli']);
    expect(b.tally.total('p:eli')).toBe(35);
  });

  it('while Redis does not answer, someone joining is not held for a read: the next exchange that works reads them', async () => {
    const a = await node('o');
    a.tally.keyed('written:2026-12-13');
    const reads: string[][] = [];
    const store = new RedisTallies(a.client);
    const tally = new SharedTally(
      {
        addAndRead: (name, added, read, ttlMs, batch) => {
          reads.push([...read]);
          return store.addAndRead(name, added, read, ttlMs, batch);
        },
      },
      60_000,
      log,
    );
    tally.keyed('written:2026-12-13');
    a.client.disconnect();
    await tally.exchange(['p:fay']);
    reads.length = 0;
    await tally.readNew(['p:gus']);
    expect(reads).toEqual([]);
    await a.client.connect();
    await tally.exchange([]);
    expect(reads[0]).toContain('p:gus');
    expect(tally.total('p:gus')).toBe(0);
  });

  it('a new hash (a new day) starts from nothing: the former day’s counts are dropped', async () => {
    const a = await node('e');
    a.tally.add('a:north', 500);
    await a.tally.exchange(['a:north']);
    expect(a.tally.total('a:north')).toBe(500);
    a.tally.keyed('written:2026-12-09');
    expect(a.tally.total('a:north')).toBeUndefined();
    await a.tally.exchange(['a:north']);
    expect(a.tally.total('a:north')).toBe(0);
  });
});
