import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import type { RelayProcess } from '../../support/relay.ts';
import { startNodesOnRedis, type NodesOnRedis } from '../../support/relay-nodes.ts';
import { startRedisOn, type RedisProcess } from '../../support/redis.ts';
import { queryStore, writeStatements } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/** Items of 2,000 characters (the most an item holds), enough in one update to pass the small output limit set below. */
const itemCount = 60;
const text = (who: string, i: number) => `${who} ${i} `.padEnd(2_000, '·');

/**
 * CLUSTER.md N18: Redis drops a subscriber whose output it holds past its limit
 * (`client-output-buffer-limit pubsub`: 32 MB by default, a document's state may be as large),
 * and a Redis restarted or failed over drops every subscriber: what was published meanwhile
 * is lost (pub/sub delivers at most once). A node whose subscription came back must get
 * what it missed — as a door, the updates its clients were not sent, in a quiet room with
 * no later update to show the gap; as an owner, the frames the doors sent it (a client's
 * update, which its client sends only once).
 */
describe('a relay node whose Redis subscription was dropped (CLUSTER.md N18)', () => {
  let cluster: NodesOnRedis;
  let nodes: RelayProcess[];
  let redis: Redis;
  let admin: Api;
  let bob: Awaited<ReturnType<typeof addPerson>>;
  const clients: SyncClient[] = [];
  /** The redis-server started again by the last test, stopped after the nodes. */
  let restarted: RedisProcess | undefined;

  beforeAll(async () => {
    cluster = await startNodesOnRedis(2);
    nodes = cluster.nodes;
    redis = new Redis(cluster.redis.url, { lazyConnect: true });
    await redis.connect();
    admin = await setUpOrganisation(nodes[0]!.url);
    bob = await addPerson(admin, 'Bob Martin');
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    redis?.disconnect();
    await cluster?.stop();
    await restarted?.stop();
  });

  /** Sets a small pub/sub output limit, runs `write`, waits until Redis dropped a subscriber for it, then puts the default back. */
  async function dropSubscriberWhile(write: () => void) {
    const subscribers = async () => new Set([...String(await redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub')).matchAll(/\bid=(\d+)/g)].map((m) => m[1]));
    const before = await subscribers();
    const limit = ((await redis.config('GET', 'client-output-buffer-limit')) as string[])[1]!;
    await redis.config('SET', 'client-output-buffer-limit', 'pubsub 64kb 32kb 0');
    try {
      write();
      const deadline = Date.now() + 10_000;
      for (;;) {
        const now = await subscribers();
        if ([...before].some((id) => !now.has(id))) break;
        if (Date.now() > deadline) throw new Error('Redis dropped no subscriber');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await redis.config('SET', 'client-output-buffer-limit', limit);
    }
  }

  async function room() {
    const b = nodes[1]!;
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon store', question: 'Open in Lyon?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    // Alice on node A first: A owns the room; Bob's node B is a door to it.
    const alice = await connectClient(admin, activityId);
    await synced(alice);
    const bobOnB = await connectClient(new Api(b.url, bob.api.token), activityId);
    clients.push(alice, bobOnB);
    await synced(bobOnB);
    const me = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    return { activityId, alice, bobOnB, me };
  }

  it('as a door: the committed update its subscription missed reaches its client, with no later update to show the gap', async () => {
    const { alice, bobOnB, me } = await room();
    await dropSubscriberWhile(() => {
      alice.doc.transact(() => {
        for (let i = 0; i < itemCount; i++) addSwotItem(alice.doc, { id: `item-a-${i}`, quadrant: 'strengths', text: text('strength', i), author: me, at: new Date() });
      });
    });
    // The room stays quiet from here: only the node's own recovery can bring the items.
    await waitFor(() => readSwotItems(bobOnB.doc).length === itemCount, 20_000, 'Bob, on node B, to get the update its subscription missed');
    expect(readSwotItems(bobOnB.doc).map((item) => item.text)).toEqual(readSwotItems(alice.doc).map((item) => item.text));
  }, 90_000);

  it('as an owner: a client’s update its subscription missed is committed and reaches the others', async () => {
    const { activityId, alice, bobOnB } = await room();
    await dropSubscriberWhile(() => {
      bobOnB.doc.transact(() => {
        for (let i = 0; i < itemCount; i++) addSwotItem(bobOnB.doc, { id: `item-b-${i}`, quadrant: 'threats', text: text('threat', i), author: { id: bob.id, name: 'Bob Martin' }, at: new Date() });
      });
    });
    await waitFor(() => readSwotItems(alice.doc).length === itemCount, 20_000, 'Alice, on the owner, to get Bob’s update its subscription missed');
    const logged = await queryStore<{ n: number }>(cluster.dataDir, 'SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ? AND user_id = ?', [activityId, bob.id]);
    expect(logged[0]?.n).toBeGreaterThan(0);
  }, 90_000);

  it('as an owner: a membership change it may have missed is judged again (a member removed is cut off on the owner too)', async () => {
    const { activityId, bobOnB, me } = await room();
    // Bob also on node A, the owner: a client no rejoin would judge again.
    const bobOnA = await connectClient(new Api(nodes[0]!.url, bob.api.token), activityId);
    clients.push(bobOnA);
    await synced(bobOnA);
    // Bob's removal, told to no node (as if the API node's word to the owner was lost).
    await writeStatements(cluster.dataDir, [{ sql: "DELETE FROM activity_members WHERE activity_id = ? AND subject_kind = 'user' AND subject_id = ?", params: [activityId, bob.id] }]);
    // Alice's second window, on node B, writes: its frame to the owner drops the owner's subscription.
    const aliceOnB = await connectClient(new Api(nodes[1]!.url, admin.token), activityId);
    clients.push(aliceOnB);
    await synced(aliceOnB);
    await dropSubscriberWhile(() => {
      aliceOnB.doc.transact(() => {
        for (let i = 0; i < itemCount; i++) addSwotItem(aliceOnB.doc, { id: `item-c-${i}`, quadrant: 'threats', text: text('threat', i), author: me, at: new Date() });
      });
    });
    await waitFor(() => bobOnA.closes.some((c) => c.code === 4403), 20_000, 'Bob’s socket on node A, the owner, to close with 4403');
    await waitFor(() => bobOnB.closes.some((c) => c.code === 4403), 20_000, 'Bob’s socket on node B to close with 4403');
  }, 90_000);

  it('a sign-out it may have missed is followed: the person’s sockets on it close with 4401', async () => {
    const { activityId, me } = await room();
    const carol = await addPerson(admin, 'Carol Petit');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: carol.id, role: 'contributor' });
    // Carol on node A, the owner.
    const carolOnA = await connectClient(new Api(nodes[0]!.url, carol.api.token), activityId);
    clients.push(carolOnA);
    await synced(carolOnA);
    // Her sessions ended, told to no node (as if the word to every node was lost).
    await writeStatements(cluster.dataDir, [{ sql: 'UPDATE sessions SET revoked_at = ? WHERE user_id = ?', params: [new Date().toISOString(), carol.id] }]);
    const aliceOnB = await connectClient(new Api(nodes[1]!.url, admin.token), activityId);
    clients.push(aliceOnB);
    await synced(aliceOnB);
    await dropSubscriberWhile(() => {
      aliceOnB.doc.transact(() => {
        for (let i = 0; i < itemCount; i++) addSwotItem(aliceOnB.doc, { id: `item-d-${i}`, quadrant: 'threats', text: text('threat', i), author: me, at: new Date() });
      });
    });
    await waitFor(() => carolOnA.closes.some((c) => c.code === 4401), 20_000, 'Carol’s socket on node A to close with 4401');
  }, 90_000);

  it('a rename it may have missed is followed: the person’s next item under the new name is taken (W1)', async () => {
    const { activityId, alice, me } = await room();
    const dora = await addPerson(admin, 'Dora Lefort');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: dora.id, role: 'contributor' });
    // Dora on node A, the owner.
    const doraOnA = await connectClient(new Api(nodes[0]!.url, dora.api.token), activityId);
    clients.push(doraOnA);
    await synced(doraOnA);
    // Renamed, told to no node (as if the word to every node was lost).
    await writeStatements(cluster.dataDir, [{ sql: 'UPDATE users SET name = ? WHERE id = ?', params: ['Dora Lefort-Martin', dora.id] }]);
    const aliceOnB = await connectClient(new Api(nodes[1]!.url, admin.token), activityId);
    clients.push(aliceOnB);
    await synced(aliceOnB);
    await dropSubscriberWhile(() => {
      aliceOnB.doc.transact(() => {
        for (let i = 0; i < itemCount; i++) addSwotItem(aliceOnB.doc, { id: `item-e-${i}`, quadrant: 'threats', text: text('threat', i), author: me, at: new Date() });
      });
    });
    await waitFor(() => readSwotItems(alice.doc).length === itemCount, 20_000, 'Alice to hold her own items');
    // Once the owner has followed the rename, an item under the new name is hers (before, each was put back).
    const taken = () => readSwotItems(alice.doc).some((item) => item.id.startsWith('item-dora-'));
    for (let attempt = 0; attempt < 10 && !taken(); attempt++) {
      addSwotItem(doraOnA.doc, { id: `item-dora-${attempt}`, quadrant: 'strengths', text: 'under my new name', author: { id: dora.id, name: 'Dora Lefort-Martin' }, at: new Date() });
      await waitFor(taken, 1_000, 'Dora’s item').catch(() => undefined);
    }
    expect(taken()).toBe(true);
  }, 90_000);

  // Passes without N18 too: a Redis restarted empty forgets every node's key, and each node, taken for dead, judges its rooms again (N3).
  it('Redis restarted empty while both sides type: each side gets the other’s updates, every one in the store', async () => {
    const { activityId, alice, bobOnB, me } = await room();
    redis.disconnect();
    await cluster.redis.stop();
    // Long enough for publishes to fail (a command waits 5 s at most) and the nodes' keys to expire.
    alice.doc.transact(() => addSwotItem(alice.doc, { id: 'item-alice-down', quadrant: 'strengths', text: 'typed while Redis was down', author: me, at: new Date() }));
    bobOnB.doc.transact(() => addSwotItem(bobOnB.doc, { id: 'item-bob-down', quadrant: 'threats', text: 'typed on B while Redis was down', author: { id: bob.id, name: 'Bob Martin' }, at: new Date() }));
    await new Promise((r) => setTimeout(r, 7_000));
    restarted = await startRedisOn(cluster.redis.port);
    const texts = (c: SyncClient) => readSwotItems(c.doc).map((item) => item.text).sort();
    const both = ['typed on B while Redis was down', 'typed while Redis was down'];
    await waitFor(() => JSON.stringify(texts(alice)) === JSON.stringify(both) && JSON.stringify(texts(bobOnB)) === JSON.stringify(both), 30_000, 'both sides to hold both items');
    // Committed (D1: nothing leaves the owner before it is): a late joiner on either node is served both.
    for (const node of nodes) {
      const late = await connectClient(new Api(node.url, admin.token), activityId);
      clients.push(late);
      await synced(late);
      await waitFor(() => JSON.stringify(texts(late)) === JSON.stringify(both), 10_000, 'a late joiner to get both items');
    }
  }, 90_000);
});
