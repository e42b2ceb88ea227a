import { afterEach, describe, expect, it } from 'vitest';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { startCluster, type RelayCluster } from '../../support/cluster.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, statusCounts, waitUntil } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Issue 19: the SMS senders of several relay nodes on one store share the queue and never
 * send a message twice (server/sms/lifecycle.ts `claim`), and a dead node's claims are taken
 * back by the others (server/sms/takeback.ts): nothing lost, nothing doubled.
 */
const smsEnv = (url: string) => ({
  SMS_PROVIDER: 'smpp',
  SMPP_URL: url,
  SMPP_WINDOW: '10',
  SMS_UNCONFIRMED_GRACE_MS: '3000',
  SMS_RETRY_BASE_MS: '200',
});

/** Queues `n` messages "<prefix> #i", spread over the nodes in turn, 25 at a time. */
async function queueThrough(cluster: RelayCluster, token: string, prefix: string, n: number) {
  for (let start = 0; start < n; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, n - start) }, async (_, k) => {
        const i = start + k;
        const base = cluster.url(i % cluster.nodes.length);
        const res = await fetch(`${base}/api/sms/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
          body: JSON.stringify({ to: '+33612345678', text: `${prefix} #${i}` }),
        });
        if (res.status !== 201) throw new Error(`queueing ${i} through ${base}: ${res.status} ${await res.text()}`);
      }),
    );
  }
}

function expectEachOnce(smsc: TestSmsc, prefix: string, n: number) {
  const counts = smsc.countsByText();
  const missing: number[] = [];
  const twice: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = counts.get(`${prefix} #${i}`) ?? 0;
    if (c === 0) missing.push(i);
    if (c > 1) twice.push(i);
  }
  expect({ missing, twice }).toEqual({ missing: [], twice: [] });
}

describe('SMS on several relay nodes sharing one store (issue 19)', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('1,000 SMS queued through three nodes reach the SMSC exactly once each, sent by more than one node', { timeout: 240_000 }, async () => {
    const smsc = new TestSmsc();
    const url = await smsc.listen();
    cleanups.push(() => smsc.close());
    const cluster = await startCluster({ nodes: 3, env: smsEnv(url) });
    cleanups.push(() => cluster.stop());
    const admin = await setUpOrganisation(cluster.url(0));
    await addSmsMember(admin, 'Bob Martin', '+33612345678');

    await queueThrough(cluster, admin.token!, 'Batch', 1000);
    await waitUntil(async () => (await statusCounts(admin)).delivered === 1000, 'all 1,000 delivered', 200_000);
    expectEachOnce(smsc, 'Batch', 1000);
    expect(smsc.submits.length).toBe(1000);
    // The nodes shared the work: each claim names the node that made it.
    const senders = await queryStore<{ claimed_by: string }>(cluster.dataDir, 'SELECT DISTINCT claimed_by FROM sms_messages');
    expect(senders.length).toBeGreaterThan(1);
    // And every node still answers with the same counts.
    for (let i = 1; i < 3; i++) expect((await statusCounts(new Api(cluster.url(i), admin.token))).delivered).toBe(1000);
  });

  it('kill -9 of a node holding claims: another node sends them after its lease lapses, still once each', { timeout: 240_000 }, async () => {
    const smsc = new TestSmsc();
    const url = await smsc.listen();
    cleanups.push(() => smsc.close());
    // Node 0 binds first and its session is made deaf: what it submits is never received
    // nor answered, so it holds claims in flight when it is killed.
    const cluster = await startCluster({ nodes: 1, env: smsEnv(url) });
    cleanups.push(() => cluster.stop());
    const doomed = cluster.nodes[0]!;
    await waitUntil(async () => smsc.isBound, 'node 0 bound');
    smsc.deafen();
    await cluster.add();
    await cluster.add();
    const admin = await setUpOrganisation(cluster.url(1));
    await addSmsMember(admin, 'Bob Martin', '+33612345678');

    await queueThrough(cluster, admin.token!, 'Crash', 300);
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
    expectEachOnce(smsc, 'Crash', 300);
    expect(smsc.submits.length).toBe(300);
    // The dead node's claims were taken back and waited for a receipt before going again.
    const taken = await queryStore<{ n: number }>(
      cluster.dataDir,
      "SELECT COUNT(DISTINCT message_id) AS n FROM sms_history WHERE detail = 'unconfirmed: the relay restarted while sending; waiting for a receipt'",
    );
    expect(taken[0]!.n).toBeGreaterThan(0);
  });
});
