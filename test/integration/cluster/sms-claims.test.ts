import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { clusterStores, startCluster } from '../../support/cluster.ts';
import { engines } from '../../support/engines.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, queueTexts, smppEnv, statusCounts, waitUntil } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';

/** Issue 19's figure, in `npm test` on both engines. */
const batch = 1000;

/**
 * Issue 19: the SMS senders of several relay nodes on one store share the queue and never
 * send a message twice (server/sms/lifecycle.ts `claim`), and a dead node's claims are taken
 * back by the others (server/sms/takeback.ts): nothing lost, nothing doubled. On both
 * engines: one SQLite file, or one database of a temporary PostgreSQL cluster.
 */
const stores = clusterStores();
afterAll(() => stores.stop(), 60_000);

describe.each(engines)('SMS on several relay nodes sharing one store on %s (issue 19)', (engine) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it(`${batch} SMS queued through three nodes reach the SMSC exactly once each, sent by more than one node`, { timeout: 420_000 }, async () => {
    const smsc = new TestSmsc();
    const url = await smsc.listen();
    cleanups.push(() => smsc.close());
    const cluster = await startCluster({ nodes: 3, env: { ...smppEnv(url), ...(await stores.env(engine)) } });
    cleanups.push(() => cluster.stop());
    const admin = await setUpOrganisation(cluster.url(0));
    await addSmsMember(admin, 'Bob Martin', '+33612345678');

    await queueTexts(cluster.nodes.map((n) => n.url), admin.token!, 'Batch', batch);
    await waitUntil(async () => (await statusCounts(admin)).delivered === batch, 'all delivered', 360_000);
    expect(smsc.onceEach('Batch', batch)).toEqual({ missing: [], twice: [] });
    expect(smsc.submits.length).toBe(batch);
    // The nodes shared the work: each claim names the node that made it.
    const senders = await queryStore<{ claimed_by: string }>(cluster.dataDir, 'SELECT DISTINCT claimed_by FROM sms_messages');
    expect(senders.length).toBeGreaterThan(1);
    // And every node still answers with the same counts.
    for (let i = 1; i < 3; i++) expect((await statusCounts(new Api(cluster.url(i), admin.token))).delivered).toBe(batch);
  });

  it('kill -9 of a node holding claims: another node sends them after its lease lapses, still once each', { timeout: 240_000 }, async () => {
    const smsc = new TestSmsc();
    const url = await smsc.listen();
    cleanups.push(() => smsc.close());
    // Node 0 binds first and its session is made deaf: what it submits is never received
    // nor answered, so it holds claims in flight when it is killed.
    // enquire_link far apart: node 0 must not find its deaf link dead and rebind while the
    // other nodes start (they take long on a loaded machine), or its claims would be settled.
    const cluster = await startCluster({ nodes: 1, env: { ...smppEnv(url), SMPP_ENQUIRE_LINK_MS: '600000', ...(await stores.env(engine)) } });
    cleanups.push(() => cluster.stop());
    const doomed = cluster.nodes[0]!;
    await waitUntil(async () => smsc.isBound, 'node 0 bound');
    smsc.deafen();
    await cluster.add();
    await cluster.add();
    const admin = await setUpOrganisation(cluster.url(1));
    await addSmsMember(admin, 'Bob Martin', '+33612345678');

    await queueTexts(cluster.nodes.map((n) => n.url), admin.token!, 'Crash', 300);
    await waitUntil(async () => smsc.unheard >= 5, 'node 0 holding claims');
    // Node ids read `<host>/<pid>/<random>`: the claims in flight are node 0's.
    const held = await queryStore<{ n: number }>(
      cluster.dataDir,
      "SELECT COUNT(*) AS n FROM sms_messages WHERE status = 'sending' AND claimed_by LIKE ?",
      [`%/${doomed.child.pid}/%`],
    );
    expect(held[0]!.n).toBeGreaterThan(0);
    await doomed.kill9();

    const survivor = new Api(cluster.url(1), admin.token);
    await waitUntil(async () => (await statusCounts(survivor)).delivered === 300, 'all 300 delivered', 200_000);
    expect(smsc.onceEach('Crash', 300)).toEqual({ missing: [], twice: [] });
    expect(smsc.submits.length).toBe(300);
    // The dead node's claims were taken back and waited for a receipt before going again.
    const taken = await queryStore<{ n: number }>(
      cluster.dataDir,
      "SELECT COUNT(DISTINCT message_id) AS n FROM sms_history WHERE detail = 'unconfirmed: the relay restarted while sending; waiting for a receipt'",
    );
    expect(taken[0]!.n).toBeGreaterThan(0);
  });
});
