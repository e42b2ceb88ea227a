import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import { startRedis, type RedisProcess } from '../../support/redis.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { startBalancer, type Balancer } from '../../support/relay-nodes.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

const itemIds = (client: SyncClient) => new Set(readSwotItems(client.doc).map((i) => i.id));

describe('a relay node killed while its clients type (CLUSTER.md N3–N6)', () => {
  let redis: RedisProcess;
  let balancer: Balancer;
  let a: RelayProcess;
  let b: RelayProcess;
  let dataDir: string;
  /** The nodes the balancer tries, in order. */
  let order: () => string[] = () => [];
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    balancer = await startBalancer(() => order());
    const env = { CONCLAVE_REDIS_URL: redis.url, CONCLAVE_PUBLIC_URL: balancer.url };
    a = await startRelayProcess({ env });
    dataDir = a.dataDir;
    b = await startRelayProcess({ dataDir, env });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await b?.stop();
    await balancer?.close();
    await redis?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('N5: the owner is killed -9; its clients reconnect to the other node, whose clients stay; every update anyone had received is there, none logged twice', async () => {
    order = () => [a.url, b.url];
    const admin = await setUpOrganisation(balancer.url);
    const bob = await addPerson(admin, 'Bob Martin');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon store', question: 'Open in Lyon?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');

    // Every API call and socket goes through the balancer. Alice's client reaches node A first, which takes the room; Bob's reaches node B, a door to A.
    const alice = await connectClient(admin, activityId);
    clients.push(alice);
    await synced(alice);
    order = () => [b.url, a.url];
    const bobClient = await connectClient(new Api(b.url, bob.api.token), activityId);
    clients.push(bobClient);
    await synced(bobClient);
    order = () => [a.url, b.url];

    let n = 0;
    const at = new Date();
    const typing = setInterval(() => {
      n++;
      addSwotItem(alice.doc, { id: `item-alice-${n}`, quadrant: 'strengths', text: `from A ${n}`, author: { id: self.id, name: self.name }, at });
      addSwotItem(bobClient.doc, { id: `item-bob-${n}`, quadrant: 'threats', text: `from B ${n}`, author: { id: bob.id, name: 'Bob Martin' }, at });
    }, 25);
    await waitFor(() => readSwotItems(bobClient.doc).some((i) => i.id.startsWith('item-alice-')), 10_000, 'Bob to see Alice typing through A');
    await new Promise((r) => setTimeout(r, 300));

    await a.kill9();
    // What each client had received (or typed) when the owner died.
    const heldAtKill = new Set([...itemIds(alice), ...itemIds(bobClient)]);
    await new Promise((r) => setTimeout(r, 500));
    clearInterval(typing);
    const typed = n;
    expect(typed).toBeGreaterThan(10);

    // Alice's socket died with A: she reconnects (a new ticket) through the balancer, to B.
    await waitFor(() => alice.closes.length > 0, 10_000, 'Alice’s socket to close');
    await waitFor(() => alice.provider.wsconnected && alice.provider.synced, 30_000, 'Alice to reconnect to B');
    // Bob's socket never closed: B took the room and rejoined him.
    const everything = 2 * typed;
    await waitFor(() => readSwotItems(alice.doc).length === everything && readSwotItems(bobClient.doc).length === everything, 30_000, 'both to hold every item');
    expect(bobClient.closes).toEqual([]);
    expect(alice.doc.getMap('methods').toJSON()).toEqual(bobClient.doc.getMap('methods').toJSON());

    // A newcomer, loaded from the store by the new owner, has everything anyone had received.
    const late = await connectClient(new Api(balancer.url, admin.token), activityId);
    clients.push(late);
    await synced(late);
    await waitFor(() => readSwotItems(late.doc).length === everything, 10_000, 'a newcomer to get every item');
    for (const id of heldAtKill) expect(itemIds(late).has(id)).toBe(true);

    // None doubled: replayed in order, every logged update adds something new.
    const rows = await queryStore<{ id: number; data: Buffer }>(dataDir, 'SELECT id, data FROM doc_updates WHERE activity_id = ? ORDER BY id', [activityId]);
    const replay = new Y.Doc();
    const repeats: number[] = [];
    for (const row of rows) {
      const before = Y.encodeStateVector(replay);
      Y.applyUpdate(replay, row.data);
      if (Buffer.compare(Buffer.from(before), Buffer.from(Y.encodeStateVector(replay))) === 0) repeats.push(row.id);
    }
    expect(repeats).toEqual([]);
    expect(readSwotItems(replay).length).toBe(everything);
    // The room moved once: B raised its epoch past A's.
    const [owner] = await queryStore<{ epoch: number }>(dataDir, 'SELECT epoch FROM doc_room_owners WHERE activity_id = ?', [activityId]);
    expect(owner?.epoch).toBe(2);
  }, 180_000);
});
