import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestoreResult } from '#core/api/history';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import type { RelayProcess } from '../../support/relay.ts';
import { erasureDone } from '../../support/erasure.ts';
import { startNodesOnRedis, type NodesOnRedis } from '../../support/relay-nodes.ts';
import { upload } from '../../support/uploads.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * Through a balancer, the node a request reaches is rarely the room's owner. CLUSTER.md N9:
 * a change the relay makes to a live document (a restore, SPEC H2; an erasure, E1) asked of
 * any node is made by the owner; N10: a file attached through any node can be named in the
 * document at once (W13), the owner's room told before the upload is answered.
 */
describe('changes through any node (CLUSTER.md N9, N10)', () => {
  let cluster: NodesOnRedis;
  let nodes: RelayProcess[];
  let dataDir: string;
  const clients: SyncClient[] = [];
  let admin: Api;

  beforeAll(async () => {
    cluster = await startNodesOnRedis(2);
    ({ nodes, dataDir } = cluster);
    admin = await setUpOrganisation(nodes[0]!.url);
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it('N9: the facilitator restores a removed item through the node that does not own the room; both nodes’ clients get it back, once', async () => {
    const [, b] = nodes as [RelayProcess, RelayProcess];
    const bob = await addPerson(admin, 'Bob Martin');
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Budget', question: 'Which cuts?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    // Alice opens the room on node A (its owner); Bob is on node B.
    const alice = await connectClient(admin, activityId);
    const bobOnB = await connectClient(new Api(b.url, bob.api.token), activityId);
    clients.push(alice, bobOnB);
    await Promise.all([synced(alice), synced(bobOnB)]);
    const at = new Date();
    for (let i = 0; i < 3; i++) addSwotItem(alice.doc, { id: `restored-item-${i}`, quadrant: 'strengths', text: `strength ${i}`, author: { id: self.id, name: self.name }, at });
    await waitFor(() => readSwotItems(bobOnB.doc).length === 3, 10_000, 'Bob to see the three items');
    await new Promise((r) => setTimeout(r, 20));
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    deleteSwotItem(alice.doc, "restored-item-1");
    await waitFor(() => readSwotItems(bobOnB.doc).length === 2, 10_000, 'Bob to see the removal');

    // Through node B, which holds Bob's socket but not the room.
    const viaB = new Api(b.url, admin.token);
    const restored = await viaB.call<RestoreResult>('POST', `/api/activities/${activityId}/restore`, { at: before, path: 'methods/swot/items/restored-item-1' });
    expect(restored.status).toBe(200);
    expect(restored.body.changed).toBe(true);
    await waitFor(() => readSwotItems(alice.doc).length === 3 && readSwotItems(bobOnB.doc).length === 3, 10_000, 'both to see the item back');
    expect(readSwotItems(bobOnB.doc).map((i) => i.id).sort()).toEqual(["restored-item-0", "restored-item-1", "restored-item-2"]);
    // Nothing left to restore, asked through B again: nothing written.
    const again = await viaB.call<RestoreResult>('POST', `/api/activities/${activityId}/restore`, { at: before });
    expect(again.body).toEqual({ changed: false, updateId: null });
  }, 120_000);

  it('N9: an erasure rewrites a document whose room another node owns: the owner applies it, and every client sees the name go', async () => {
    const [, b] = nodes as [RelayProcess, RelayProcess];
    const dana = await addPerson(admin, 'Dana Roy');
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Stores', question: 'Which to renovate?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: dana.id, role: 'contributor' });
    // Dana opens the room first, on node B: B owns it. The timed jobs (erasure among them) run where they were first taken: node A, started first.
    const danaOnB = await connectClient(new Api(b.url, dana.api.token), activityId);
    clients.push(danaOnB);
    await synced(danaOnB);
    const alice = await connectClient(admin, activityId);
    clients.push(alice);
    await synced(alice);
    addSwotItem(danaOnB.doc, { id: 'dana-item-1', quadrant: 'threats', text: 'the rent', author: { id: dana.id, name: 'Dana Roy' }, at: new Date() });
    await waitFor(() => readSwotItems(alice.doc).some((i) => i.authorName === 'Dana Roy'), 10_000, 'Alice to see Dana’s item');
    expect(self.name).not.toBe('Dana Roy');

    expect(await admin.ok('POST', `/api/users/${dana.id}/erase`)).toEqual({ erased: true });
    await erasureDone(dataDir);
    await waitFor(() => readSwotItems(alice.doc).every((i) => i.authorName !== 'Dana Roy'), 10_000, 'the name to leave Alice’s copy');
    expect(readSwotItems(alice.doc).map((i) => i.id)).toContain('dana-item-1');
  }, 120_000);

  it('N10: a file uploaded through the node that does not own the room can be attached at once; everyone sees the item', async () => {
    const [, b] = nodes as [RelayProcess, RelayProcess];
    const eve = await addPerson(admin, 'Eve Lambert');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: eve.id, role: 'contributor' });
    // Alice opens the room on node A (its owner); Eve works through node B.
    const alice = await connectClient(admin, activityId);
    clients.push(alice);
    await synced(alice);
    const eveViaB = new Api(b.url, eve.api.token);
    const eveOnB = await connectClient(eveViaB, activityId);
    clients.push(eveOnB);
    await synced(eveOnB);
    const uploaded = await upload(eveViaB, activityId, [{ bytes: Buffer.from('%PDF-1.4\n% offer\n%%EOF\n'), name: 'offer.pdf' }]);
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body.id!;
    addSwotItem(eveOnB.doc, { id: 'item-with-offer', quadrant: 'opportunities', text: 'Cheaper', author: { id: eve.id, name: 'Eve Lambert' }, at: new Date(), files: [fileId] });
    await waitFor(() => readSwotItems(alice.doc).some((i) => i.id === 'item-with-offer'), 10_000, 'Alice to see the item with its file');
    expect(eveOnB.closes).toEqual([]);
  }, 120_000);
});
