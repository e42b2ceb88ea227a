import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../server/store/store.ts';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { clusterStores, startCluster, type RelayCluster } from '../../support/cluster.ts';
import { engines } from '../../support/engines.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, smppEnv, waitUntil } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Issue 19, CLUSTER.md N8: a timed job runs on one node at a time, whatever the number of
 * nodes (a lease per job in the store, `server/nodes/job-lease.ts`), and a run its node
 * left half done is finished by another. The daily figures are the job that shows it: three
 * nodes on one store reach 09:00 together (one clock file drives them all).
 * Monday 23 November 2026, Europe/Paris = UTC+1: 09:00 is 08:00Z.
 */
const directors = Array.from({ length: 40 }, (_, i) => ({ name: `Directeur ${i}`, phone: `+336100000${String(i).padStart(2, '0')}` }));
const expected = 'CA veille 22/11 : 1,23 M€ (-2,0 % vs prévision, +3,1 % vs N-1)';

const stores = clusterStores();
afterAll(() => stores.stop(), 60_000);

describe.each(engines)('timed jobs on several relay nodes sharing one store on %s (issue 19, N8)', (engine: Engine) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** Three nodes, an SMSC, and forty directors on a 09:00 schedule whose values for Sunday are in. */
  async function world(nodeEnv: Record<string, string> = {}) {
    const smsc = new TestSmsc();
    const smppUrl = await smsc.listen();
    cleanups.push(() => smsc.close());
    const clockDir = await mkdtemp(path.join(tmpdir(), 'nodes-clock-'));
    cleanups.push(() => rm(clockDir, { recursive: true, force: true }));
    const clockFile = path.join(clockDir, 'now');
    const setClock = (iso: string) => writeFile(clockFile, iso);
    await setClock('2026-11-23T07:30:00Z'); // Monday 08:30 in Paris
    const cluster = await startCluster({
      nodes: 3,
      env: {
        ...smppEnv(smppUrl),
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        CONCLAVE_FAKE_CLOCK_FILE: clockFile,
        CONCLAVE_FIGURES_TICK_MS: '100',
        ...(await stores.env(engine)),
        ...nodeEnv,
      },
    });
    cleanups.push(() => cluster.stop());
    const admin = await setUpOrganisation(cluster.url(0));
    const ids: string[] = [];
    for (const d of directors) ids.push((await addSmsMember(admin, d.name, d.phone)).id);
    const { id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' });
    const { id: listId } = await admin.ok<{ id: string }>('POST', '/api/lists', { name: 'Comité de direction', members: ids });
    const { id: scheduleId } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId });
    await admin.ok('PUT', `/api/figures/${figureId}/values/2026-11-22`, { value: 1_234_567, forecast: 1_234_567 * 1.02, lastYear: 1_234_567 * 0.97 });
    return { smsc, cluster, admin, scheduleId, setClock };
  }

  /** The figures SMS each director's phone received. */
  const received = (smsc: TestSmsc) => {
    const byPhone = new Map<string, string[]>();
    for (const m of smsc.messages()) if (m.text.startsWith('CA veille')) byPhone.set(`+${m.destination}`, [...(byPhone.get(`+${m.destination}`) ?? []), m.text]);
    return byPhone;
  };
  /** How many nodes said they sent the run (each node that runs it says so once it handed every SMS to the gateway). */
  const runsLogged = (cluster: RelayCluster) => cluster.nodes.map((n) => n.output().split('"daily figures sent"').length - 1).reduce((a, b) => a + b, 0);

  async function expectOneRun(smsc: TestSmsc, cluster: RelayCluster, admin: Api, scheduleId: string) {
    await waitUntil(async () => received(smsc).size === directors.length, 'forty SMS at the SMSC', 120_000);
    // The run is marked sent once its node has handed the last SMS to the gateway, which may
    // already have reached the SMSC: a busy machine can show the SMS before the mark.
    type Runs = { runs: { day: string; state: string; sent: number }[] };
    const runs = () => admin.ok<Runs>('GET', `/api/figures/schedules/${scheduleId}`);
    await waitUntil(async () => (await runs()).runs.some((r) => r.state !== 'sending'), 'the run marked done', 30_000);
    const schedule = await runs();
    expect(schedule.runs).toHaveLength(1);
    expect(schedule.runs[0]).toMatchObject({ day: '2026-11-22', state: 'sent', sent: directors.length });
    // Every node had ticks enough to do the run again by now, had it been free to.
    await new Promise((r) => setTimeout(r, 1500));
    for (const d of directors) expect(received(smsc).get(d.phone)).toEqual([expected]);
    expect(smsc.messages().filter((m) => m.text.startsWith('CA veille'))).toHaveLength(directors.length);
    const rows = await queryStore<{ kind: string; n: number }>(cluster.dataDir, 'SELECT kind, COUNT(*) AS n FROM sms_messages GROUP BY kind');
    expect(rows).toEqual([{ kind: 'figures.daily', n: directors.length }]);
    const sends = await queryStore<{ state: string; n: number }>(cluster.dataDir, 'SELECT state, COUNT(*) AS n FROM figure_sends GROUP BY state');
    expect(sends).toEqual([{ state: 'enqueued', n: directors.length }]);
    expect(runsLogged(cluster)).toBe(1);
  }

  it('N8: three nodes at 09:00 make one run: one record, one SMS per director, one node sending', { timeout: 240_000 }, async () => {
    const { smsc, cluster, admin, scheduleId, setClock } = await world();
    await setClock('2026-11-23T08:00:00Z');
    await expectOneRun(smsc, cluster, admin, scheduleId);
    // The job's lease names one node of the three.
    const leases = await queryStore<{ holder: string }>(cluster.dataDir, "SELECT holder FROM cluster_leases WHERE name = 'job:figures'");
    expect(leases).toHaveLength(1);
  });

  it('N8: the node running the 09:00 run is killed once it claimed it; another finishes it, nothing doubled, nothing lost', { timeout: 240_000 }, async () => {
    // Each node dies right after claiming a run: only the one that ran it claims, and dies.
    const { smsc, cluster, admin, scheduleId, setClock } = await world({ CONCLAVE_FIGURES_CRASH_AT: 'after-claim' });
    await setClock('2026-11-23T08:00:00Z');
    const dead = await waitUntil(async () => cluster.nodes.find((n) => n.child.exitCode !== null || n.child.signalCode !== null), 'the planned crash', 60_000);
    const claimed = await queryStore<{ state: string; n: number }>(cluster.dataDir, 'SELECT state, COUNT(*) AS n FROM figure_sends GROUP BY state');
    expect(claimed).toEqual([{ state: 'claimed', n: directors.length }]);
    expect(received(smsc).size).toBe(0);
    const survivors = cluster.nodes.filter((n) => n !== dead);
    const api = new Api(survivors[0]!.url, admin.token);
    await expectOneRun(smsc, cluster, api, scheduleId);
    expect(survivors.every((n) => n.child.exitCode === null && n.child.signalCode === null)).toBe(true);
  });
});
