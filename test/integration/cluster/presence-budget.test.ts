import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import { awarenessFrame } from '../../support/hostile.ts';
import { openWithTicket, type RawClient } from '../../support/raw-client.ts';
import { startNodesOnRedis, type NodesOnRedis } from '../../support/relay-nodes.ts';

/** Bytes of presence a second, for one connection and for one person (4 s worth at once). */
const perSecond = 1_000;

/**
 * Sends a presence state of about 400 bytes every half second (800 B/s: within one
 * connection's budget) until the connection is closed, `run.over` is set, or `run.until`
 * passes; how it was closed (null: it was not). Its close ends the run for the others too.
 */
async function keepPresent(client: RawClient, clientId: number, run: { until: number; over: boolean }) {
  const state = JSON.stringify({ cursor: 'c'.repeat(380) });
  let closed: { code: number; reason: string } | null = null;
  void client.closed.then((c) => {
    closed = c;
    run.over = true;
  });
  for (let clock = 1; !run.over && Date.now() < run.until; clock++) {
    client.send(awarenessFrame([{ clientId, clock, json: state }]));
    await new Promise((r) => setTimeout(r, 500));
  }
  return closed as { code: number; reason: string } | null;
}

/**
 * SPEC L8's person budget over several nodes (issue 19): all of a person's connections draw
 * on one presence budget, wherever the rooms they are in live — two rooms owned by two nodes
 * do not give a person twice the presence bytes.
 */
describe('the person’s presence budget across relay nodes (SPEC L8, CLUSTER.md N16)', () => {
  let cluster: NodesOnRedis;
  let admin: Api;
  const via = (node: number, api: Api) => new Api(cluster.nodes[node]!.url, api.token);

  beforeAll(async () => {
    cluster = await startNodesOnRedis(2, { env: { CONCLAVE_AWARENESS_BYTES_PER_SECOND: String(perSecond) } });
    admin = await setUpOrganisation(cluster.nodes[0]!.url);
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('L8: a person present in a room on each node at 800 B/s in each is cut off (4029) once the two together spend past 1,000 B/s', async () => {
    const vera = await addPerson(admin, 'Vera Viewer');
    const rooms: string[] = [];
    for (const title of ['North', 'South']) {
      const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question: `Who is in the ${title} store?` });
      await admin.ok('POST', `/api/activities/${id}/members`, { userId: vera.id, role: 'viewer' });
      rooms.push(id);
    }
    // North's room lives on node A (its client came through A), South's on node B.
    const onA = await openWithTicket(via(0, vera.api), rooms[0]!);
    const onB = await openWithTicket(via(1, vera.api), rooms[1]!);
    // Counted per node, 800 B/s fits each node's budget of the person for ever; together they
    // spend 600 B/s more than it refills, so its 4 s at once run out within seconds.
    const run = { until: Date.now() + 40_000, over: false };
    const [a, b] = await Promise.all([keepPresent(onA, 7_001, run), keepPresent(onB, 7_002, run)]);
    const closes = [a, b].filter((c) => c !== null);
    expect(closes.length).toBeGreaterThan(0);
    for (const close of closes) {
      expect(close.code).toBe(4029);
      expect(close.reason).toMatch(/presence updates from you/);
    }
    onA.socket.terminate();
    onB.socket.terminate();
  }, 60_000);
});
