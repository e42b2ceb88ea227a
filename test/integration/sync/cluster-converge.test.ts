import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import type { RelayProcess } from '../../support/relay.ts';
import { startNodesOnRedis, type NodesOnRedis } from '../../support/relay-nodes.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

describe('several relay nodes on one store and one Redis (CLUSTER.md N1, N2)', () => {
  let cluster: NodesOnRedis;
  let nodes: RelayProcess[];
  let dataDir: string;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    cluster = await startNodesOnRedis(2);
    ({ nodes, dataDir } = cluster);
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it('N1: two clients on two nodes converge, and a third joining later on either node gets everything', async () => {
    const [a, b] = nodes as [RelayProcess, RelayProcess];
    const admin = await setUpOrganisation(a.url);
    const bob = await addPerson(admin, 'Bob Martin');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon store', question: 'Open in Lyon?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    // Alice talks to node A, Bob to node B: each node's tickets send its clients to itself.
    const alice = await connectClient(admin, activityId);
    const bobOnB = await connectClient(new Api(b.url, bob.api.token), activityId);
    clients.push(alice, bobOnB);
    expect(alice.provider.url.startsWith(a.url.replace('http', 'ws'))).toBe(true);
    expect(bobOnB.provider.url.startsWith(b.url.replace('http', 'ws'))).toBe(true);
    await Promise.all([synced(alice), synced(bobOnB)]);
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const at = new Date();
    // The activity's seed is logged before anyone types: the count below starts after it.
    const [before] = await queryStore<{ id: number }>(dataDir, 'SELECT COALESCE(MAX(id), 0) AS id FROM doc_updates');
    for (let i = 0; i < 20; i++) {
      addSwotItem(alice.doc, { id: `item-a-${i}`, quadrant: 'strengths', text: `strength ${i}`, author: { id: self.id, name: self.name }, at });
      addSwotItem(bobOnB.doc, { id: `item-b-${i}`, quadrant: 'threats', text: `threat ${i}`, author: { id: bob.id, name: 'Bob Martin' }, at });
    }
    await waitFor(() => readSwotItems(alice.doc).length === 40 && readSwotItems(bobOnB.doc).length === 40, 20_000, 'both nodes’ clients to hold all 40 items');
    expect(alice.doc.getMap('methods').toJSON()).toEqual(bobOnB.doc.getMap('methods').toJSON());

    // Late joiners on each node are served the whole document by the room's owner.
    for (const node of [a, b]) {
      const late = await connectClient(new Api(node.url, admin.token), activityId);
      clients.push(late);
      await synced(late);
      await waitFor(() => readSwotItems(late.doc).length === 40, 10_000, 'a late joiner to get all 40 items');
    }

    // N2: every update was committed once, by the room's one owner: one row per change, whichever node took it.
    const rows = await queryStore<{ user_id: string; n: number }>(
      dataDir,
      'SELECT user_id, COUNT(*) AS n FROM doc_updates WHERE activity_id = ? AND id > ? GROUP BY user_id ORDER BY user_id',
      [activityId, before!.id],
    );
    expect(Object.fromEntries(rows.map((r) => [r.user_id, r.n]))).toEqual({ [self.id]: 20, [bob.id]: 20 });
    const owners = await queryStore<{ epoch: number }>(dataDir, 'SELECT epoch FROM doc_room_owners WHERE activity_id = ?', [activityId]);
    expect(owners).toEqual([{ epoch: 1 }]);
  }, 120_000);
});
