import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobLease, type LeaseHolder } from '../../../server/nodes/job-lease.ts';
import { releaseLease, stillHolds, takeLease } from '../../../server/nodes/leases.ts';
import { Pump } from '../../../server/pump.ts';
import type { Param, RelayStore, Store } from '../../../server/store/store.ts';
import { engines, engineStores, type EngineStores } from '../../support/engines.ts';

const log = pino({ level: 'silent' });
const leaseMs = 600;

/** A node of the cluster as a job lease sees it: its node lease in the store, kept or left to lapse. */
function node(db: RelayStore, id: string): LeaseHolder & { renew(): Promise<void>; die(): Promise<void> } {
  let alive = true;
  return {
    id,
    leaseMs,
    holds: () => alive,
    renew: async () => void (await takeLease(db, `node:${id}`, id, leaseMs, Date.now())),
    die: async () => {
      alive = false;
      await releaseLease(db, `node:${id}`, id);
    },
  };
}

/** The store as a job lease uses it, counting the statements that write a lease. */
function countingLeaseWrites(db: RelayStore, writes: { count: number }): Store {
  const counted = (sql: string) => {
    if (/cluster_leases/.test(sql) && /^\s*(INSERT|UPDATE)/i.test(sql)) writes.count += 1;
  };
  return {
    engine: db.engine,
    run: (sql, params) => (counted(sql), db.run(sql, params)),
    get: <T>(sql: string, params?: readonly Param[]) => (counted(sql), db.get<T>(sql, params)),
    all: <T>(sql: string, params?: readonly Param[]) => (counted(sql), db.all<T>(sql, params)),
    transaction: (body) => db.transaction(body),
  };
}

/** CLUSTER.md N8 on both engines: a timed job's lease admits one node, and passes on when that node dies. */
describe.each(engines)('timed jobs’ leases on %s (issue 19, N8)', (engine) => {
  let stores: EngineStores;
  let db: RelayStore;

  beforeAll(async () => {
    stores = engineStores(engine);
    db = await stores.open();
  }, 120_000);

  afterAll(() => stores?.close());

  it('N8: one node of two holds a job; the other takes it once the holder’s node lease ends, and the fence moves with it', async () => {
    const a = node(db, 'a');
    const b = node(db, 'b');
    await a.renew();
    await b.renew();
    const onA = new JobLease(db, a, 'figures-test', log);
    const onB = new JobLease(db, b, 'figures-test', log);
    expect(await onA.take()).toBe(true);
    expect(await onB.take()).toBe(false);
    expect(await db.transaction((tx) => onA.fenced(tx))).toBe(true);
    // Node a dies: its job lease has not lapsed, but its node lease has ended.
    await a.die();
    expect(await onB.take()).toBe(true);
    expect(await db.transaction((tx) => onA.fenced(tx))).toBe(false);
    expect(await db.transaction((tx) => onB.fenced(tx))).toBe(true);
    const row = await db.get<{ holder: string; token: number | string }>("SELECT holder, token FROM cluster_leases WHERE name = 'job:figures-test'");
    expect({ holder: row?.holder, token: Number(row?.token) }).toEqual({ holder: 'b', token: 2 });
  });

  it('N8: a live node keeps its job without renewing it; given up, it is free at once; once the holder’s node lease lapses (a pause), another node takes it and the fence moves', async () => {
    const a = node(db, 'c');
    const b = node(db, 'd');
    await a.renew();
    await b.renew();
    const onA = new JobLease(db, a, 'digest-test', log);
    const onB = new JobLease(db, b, 'digest-test', log);
    expect(await onA.take()).toBe(true);
    await onA.release();
    expect(await onB.take()).toBe(true);
    expect(await onA.take()).toBe(false);
    // Long past a lease, b still holds the job while its node lease lives, with no renewal of the job's own.
    await new Promise((r) => setTimeout(r, leaseMs + 50));
    await a.renew();
    await b.renew();
    expect(await onA.take()).toBe(false);
    expect(await db.transaction((tx) => onB.fenced(tx))).toBe(true);
    // b pauses: its node lease is not renewed and lapses; a takes the job, and b's fence no longer holds.
    await new Promise((r) => setTimeout(r, leaseMs + 50));
    await a.renew();
    expect(await onA.take()).toBe(true);
    expect(await stillHolds(db, 'job:digest-test', 2, Date.now())).toBe(false);
    expect(await db.transaction((tx) => onB.fenced(tx))).toBe(false);
  });

  it('N8: a job run again and again on one node writes its lease once, not at each run or renewal (the live log shares the writer)', async () => {
    const a = node(db, 'h');
    await a.renew();
    const writes = { count: 0 };
    const counted = countingLeaseWrites(db, writes);
    let runs = 0;
    const pump = new Pump('job', {
      log,
      now: () => new Date(),
      everyMs: 20,
      lease: new JobLease(counted, a, 'often-test', log),
      work: async () => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 5));
      },
    });
    // A job woken now and then, sleeping in between longer than a renewal.
    const sleepy = new Pump('sleepy', { log, now: () => new Date(), next: async () => null, lease: new JobLease(counted, a, 'sleepy-test', log), work: async () => undefined });
    try {
      await pump.start();
      await sleepy.start();
      for (let i = 0; i < 6; i += 1) {
        await new Promise((r) => setTimeout(r, leaseMs / 2));
        sleepy.wake();
      }
      expect(runs).toBeGreaterThan(20);
      expect(writes.count).toBe(2);
    } finally {
      await pump.stop();
      await sleepy.stop();
    }
  });

  it('N8: work made due through another node is done by the job’s holder, which looks for it while holding the job', async () => {
    const a = node(db, 'i');
    const b = node(db, 'j');
    await a.renew();
    await b.renew();
    const renewing = setInterval(() => void Promise.all([a.renew(), b.renew()]), leaseMs / 3);
    const due: number[] = [];
    const doneBy: string[] = [];
    const pumpOf = (n: typeof a) =>
      new Pump('notices', {
        log,
        now: () => new Date(),
        next: async () => (due.length === 0 ? null : new Date(Math.min(...due)).toISOString()),
        lease: new JobLease(db, n, 'woken-test', log),
        work: async () => {
          const now = Date.now();
          for (const t of due.filter((x) => x <= now)) {
            due.splice(due.indexOf(t), 1);
            doneBy.push(n.id);
          }
        },
      });
    const onA = pumpOf(a);
    const onB = pumpOf(b);
    try {
      await onA.start();
      await onB.start();
      // A notice made due now through node b: b's pump is woken, finds the job held by a.
      due.push(Date.now());
      onB.wake();
      const deadline = Date.now() + 10_000;
      while (doneBy.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(doneBy).toEqual(['i']);
    } finally {
      clearInterval(renewing);
      await onA.stop();
      await onB.stop();
    }
  });

  it('N8: pumps of three nodes on one job never run at once, and the job goes on when its holder stops', async () => {
    const nodes = ['e', 'f', 'g'].map((id) => node(db, id));
    for (const n of nodes) await n.renew();
    const renewing = setInterval(() => void Promise.all(nodes.map((n) => n.holds() && n.renew())), leaseMs / 3);
    let active = 0;
    let overlapping = 0;
    const runsBy = new Map<string, number>();
    const pumps = nodes.map(
      (n) =>
        new Pump('job', {
          log,
          now: () => new Date(),
          everyMs: 20,
          lease: new JobLease(db, n, 'pumped-test', log),
          work: async () => {
            active += 1;
            overlapping = Math.max(overlapping, active);
            runsBy.set(n.id, (runsBy.get(n.id) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 5));
            active -= 1;
          },
        }),
    );
    try {
      await Promise.all(pumps.map((p) => p.start()));
      await new Promise((r) => setTimeout(r, 400));
      expect(runsBy.size).toBe(1);
      const [first] = [...runsBy.keys()];
      const index = nodes.findIndex((n) => n.id === first);
      await pumps[index]!.stop();
      await nodes[index]!.die();
      const deadline = Date.now() + 10_000;
      while (runsBy.size < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(runsBy.size).toBe(2);
      expect(overlapping).toBe(1);
    } finally {
      clearInterval(renewing);
      await Promise.all(pumps.map((p) => p.stop()));
    }
  });
});
