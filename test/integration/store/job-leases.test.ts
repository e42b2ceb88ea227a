import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobLease, type LeaseHolder } from '../../../server/nodes/job-lease.ts';
import { releaseLease, stillHolds, takeLease } from '../../../server/nodes/leases.ts';
import { Pump } from '../../../server/pump.ts';
import type { RelayStore } from '../../../server/store/store.ts';
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

  it('N8: a job lease nobody renews lapses, and a lease given up is free at once', async () => {
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
    // b stops renewing (a pause): past its lease, a takes the job although b's node lease was renewed.
    await new Promise((r) => setTimeout(r, leaseMs + 50));
    await a.renew();
    await b.renew();
    expect(await onA.take()).toBe(true);
    expect(await stillHolds(db, 'job:digest-test', 2, Date.now())).toBe(false);
    expect(await db.transaction((tx) => onB.fenced(tx))).toBe(false);
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
