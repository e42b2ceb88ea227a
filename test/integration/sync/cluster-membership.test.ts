import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import type { RelayProcess } from '../../support/relay.ts';
import { startNodesOnRedis, type NodesOnRedis } from '../../support/relay-nodes.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * Issue 19: "a member removed through node A is cut off on node B at once" (CLUSTER.md N7,
 * SPEC V2): two real relay nodes on one PostgreSQL and one Redis, a stock y-websocket client
 * on node B, the removal through node A's API; whichever node owns the room, the client's
 * socket is closed with 4403 and it gets no new ticket, on either node.
 */
describe('membership changes across relay nodes (CLUSTER.md N7)', () => {
  let cluster: NodesOnRedis;
  let nodes: RelayProcess[];
  let admin: Api;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    cluster = await startNodesOnRedis(2, { postgres: true });
    nodes = cluster.nodes;
    admin = await setUpOrganisation(nodes[0]!.url);
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  /** An activity with Carol as a contributor, her client on node B, synced. */
  async function carolOnB(name: string, title: string, firstOnA: boolean) {
    const [a, b] = nodes as [RelayProcess, RelayProcess];
    const carol = await addPerson(admin, name);
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question: 'Open in Lyon?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: carol.id, role: 'contributor' });
    // A client on node A first makes A the room's owner, B only Carol's door; else B owns it.
    let watcher: SyncClient | null = null;
    if (firstOnA) {
      watcher = await connectClient(new Api(a.url, admin.token), activityId);
      clients.push(watcher);
      await synced(watcher);
    }
    const client = await connectClient(new Api(b.url, carol.api.token), activityId);
    clients.push(client);
    await synced(client);
    expect(client.provider.url.startsWith(b.url.replace('http', 'ws'))).toBe(true);
    return { carol, activityId, client, watcher };
  }

  for (const [owner, firstOnA, name] of [
    ['node A', true, 'Carol Petit'],
    ['node B', false, 'Claire Dubois'],
  ] as const) {
    it(`V2/N7: removed through node A's API, a member whose socket is on node B is cut off with 4403 (the room's owner: ${owner})`, async () => {
      const [a, b] = nodes as [RelayProcess, RelayProcess];
      const { carol, activityId, client, watcher } = await carolOnB(name, `Lyon store (${owner})`, firstOnA);
      const me = await carol.api.ok<{ id: string; name: string }>('GET', '/api/me');
      addSwotItem(client.doc, { id: 'item-before', quadrant: 'strengths', text: 'before the removal', author: { id: me.id, name: me.name }, at: new Date() });
      if (watcher) await waitFor(() => readSwotItems(watcher.doc).length === 1, 10_000, 'the watcher on A to see Carol’s item');

      await new Api(a.url, admin.token).ok('DELETE', `/api/activities/${activityId}/members/users/${carol.id}`);
      await waitFor(() => client.closes.some((c) => c.code === 4403), 5_000, 'Carol’s socket on node B to close with 4403');
      // No way back, through either node.
      expect((await new Api(a.url, carol.api.token).call('POST', `/api/activities/${activityId}/sync-ticket`)).status).toBe(404);
      expect((await new Api(b.url, carol.api.token).call('POST', `/api/activities/${activityId}/sync-ticket`)).status).toBe(404);
      // The others stay: the watcher's socket was not closed.
      if (watcher) expect(watcher.closes).toEqual([]);
    });
  }

  it('V2/N7: removed from a group through node A, a member whose socket is on node B (the room\'s owner) is cut off with 4403', async () => {
    const [a, b] = nodes as [RelayProcess, RelayProcess];
    const dan = await addPerson(admin, 'Dan Leroy');
    const { id: groupId } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Board', members: [dan.id] });
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lille store', question: 'Open in Lille?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { groupId, role: 'contributor' });
    // Dan first, on B: B owns the room; the watcher on A is a door to it.
    const client = await connectClient(new Api(b.url, dan.api.token), activityId);
    clients.push(client);
    await synced(client);
    const watcher = await connectClient(new Api(a.url, admin.token), activityId);
    clients.push(watcher);
    await synced(watcher);

    await new Api(a.url, admin.token).ok('PUT', `/api/groups/${groupId}/members`, { members: [] });
    await waitFor(() => client.closes.some((c) => c.code === 4403), 5_000, 'Dan’s socket on node B to close with 4403');
    expect(watcher.closes).toEqual([]);
  });

  it('V3/N7: her sessions ended through node A (an administrator), a member whose socket is on node B is closed with 4401, on rooms owned by either node', async () => {
    const [a, b] = nodes as [RelayProcess, RelayProcess];
    const { carol, activityId, client, watcher } = await carolOnB('Eve Martin', 'Nantes store', true);
    // Another room of hers, owned by node B (she is its first client).
    const { id: second } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Brest store', question: 'Open in Brest?' });
    await admin.ok('POST', `/api/activities/${second}/members`, { userId: carol.id, role: 'contributor' });
    const onB = await connectClient(new Api(b.url, carol.api.token), second);
    clients.push(onB);
    await synced(onB);

    await new Api(a.url, admin.token).ok('POST', `/api/users/${carol.id}/revoke-sessions`);
    await waitFor(() => client.closes.some((c) => c.code === 4401) && onB.closes.some((c) => c.code === 4401), 5_000, 'both of Eve’s sockets on node B to close with 4401');
    expect((await new Api(b.url, carol.api.token).call('POST', `/api/activities/${activityId}/sync-ticket`)).status).toBe(401);
    expect(watcher?.closes).toEqual([]);
  });
});
