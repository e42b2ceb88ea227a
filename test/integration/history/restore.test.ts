import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPage } from '#core/api/activities';
import type { DocumentAt, RestoreResult } from '#core/api/history';
import { addComment, commentsOf, removeComment } from '#core/doc/comments';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

const itemIds = (client: SyncClient) => readSwotItems(client.doc).map((i) => i.id).sort();
/** The comments shown: a removed one stays in the document as a trace (SPEC W4). */
const commentIds = (client: SyncClient) => commentsOf(client.doc).toArray().filter((c) => !c.has('removed')).map((c) => c.get('id'));

/** SPEC H2–H5: restores go through the live document, as the restorer's change, to everyone. */
describe('restoring a past moment (SPEC H2–H5)', () => {
  let relay: RelayProcess;
  let alice: Api;
  let aliceId: string;
  let bob: { id: string; api: Api };
  let viewer: { id: string; api: Api };
  let stranger: { id: string; api: Api };
  let activityId: string;
  let a: SyncClient;
  let b: SyncClient;
  /** Before Bob's deletions in the first test. */
  let before = '';

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_SNAPSHOT_EVERY: '4', CONCLAVE_CHECKPOINT_EVERY: '4' } });
    alice = await setUpOrganisation(relay.url);
    aliceId = (await alice.ok<{ id: string }>('GET', '/api/me')).id;
    bob = await addPerson(alice, 'Bob Martin');
    viewer = await addPerson(alice, 'Victor Viewer');
    stranger = await addPerson(alice, 'Chloé Stranger');
    ({ id: activityId } = await alice.ok<{ id: string }>('POST', '/api/activities', { title: 'Budget', question: 'Which cuts?' }));
    await alice.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    await alice.ok('POST', `/api/activities/${activityId}/members`, { userId: viewer.id, role: 'viewer' });
    a = await connectClient(alice, activityId);
    b = await connectClient(bob.api, activityId);
    await Promise.all([synced(a), synced(b)]);
  });

  afterAll(async () => {
    a.destroy();
    b.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const asAlice = () => ({ id: aliceId, name: 'Alice Durand' });
  const asBob = () => ({ id: bob.id, name: 'Bob Martin' });

  /** A moment after everything so far was logged (both clients hold it), before anything next. */
  async function moment(): Promise<string> {
    await waitFor(() => JSON.stringify(itemIds(a)) === JSON.stringify(itemIds(b)) && commentIds(a).length === commentIds(b).length);
    await new Promise((r) => setTimeout(r, 5));
    const at = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    return at;
  }

  const restore = (api: Api, body: { at: string; path?: string }) => api.call<RestoreResult>('POST', `/api/activities/${activityId}/restore`, body);

  it("H2: a contributor's deletions are restored by the facilitator, one item and then everything, and reach both clients", async () => {
    addSwotItem(a.doc, { id: 'alice-item-1', quadrant: 'strengths', text: 'Two sites share a warehouse', author: asAlice(), at: new Date() });
    addSwotItem(a.doc, { id: 'alice-item-2', quadrant: 'weaknesses', text: 'Lyon lease ends in March', author: asAlice(), at: new Date() });
    addComment(a.doc, { id: 'alice-comment', author: asAlice(), at: new Date(), body: '{"root":{}}', text: 'See the lease', mentions: [] });
    before = await moment();
    // Bob removes both items; Alice removes her comment (only its author or a facilitator may, SPEC W4).
    deleteSwotItem(b.doc, 'alice-item-1');
    deleteSwotItem(b.doc, 'alice-item-2');
    removeComment(a.doc, 'alice-comment', asAlice(), new Date());
    await waitFor(() => itemIds(a).length === 0 && commentIds(a).length === 0, 10_000, 'the deletions to reach Alice');

    const one = await restore(alice, { at: before, path: 'methods/swot/items/alice-item-1' });
    expect(one.status).toBe(200);
    expect(one.body.changed).toBe(true);
    await waitFor(() => itemIds(a).includes('alice-item-1') && itemIds(b).includes('alice-item-1'), 10_000, 'the item back for both');
    expect(itemIds(b)).toEqual(['alice-item-1']);
    expect(readSwotItems(b.doc)[0]).toMatchObject({ text: 'Two sites share a warehouse', authorId: aliceId, authorName: 'Alice Durand' });

    const all = await restore(alice, { at: before });
    expect(all.body.changed).toBe(true);
    await waitFor(() => itemIds(b).length === 2 && commentIds(b).length === 1 && commentIds(a).length === 1, 10_000, 'everything back');
    expect(commentsOf(b.doc).get(0).toJSON()).toMatchObject({ id: 'alice-comment', authorId: aliceId, versions: [{ text: 'See the lease' }] });
    // Nothing left to restore: nothing written.
    expect((await restore(alice, { at: before })).body).toEqual({ changed: false, updateId: null });

    // The restores are in the history under the facilitator's name.
    const history = await alice.ok<HistoryPage>('GET', `/api/activities/${activityId}/history`);
    expect(history.entries[0]).toMatchObject({ userId: aliceId, userName: 'Alice Durand' });
    expect(history.entries[0]!.summary).toEqual(expect.arrayContaining(['methods/swot', 'comments']));
  });

  it('H3: a restore is itself restored: back to the moment before it, then to the moment after', async () => {
    deleteSwotItem(b.doc, 'alice-item-2');
    const removed = await moment();
    expect((await restore(alice, { at: before, path: 'methods/swot/items/alice-item-2' })).body.changed).toBe(true);
    await waitFor(() => itemIds(b).includes('alice-item-2'), 10_000, 'the item restored');
    const restored = await moment();
    // Undo the restore: as it was before it.
    expect((await restore(alice, { at: removed })).body.changed).toBe(true);
    await waitFor(() => !itemIds(b).includes('alice-item-2') && !itemIds(a).includes('alice-item-2'), 10_000, 'the restore undone');
    // And redo it.
    expect((await restore(alice, { at: restored })).body.changed).toBe(true);
    await waitFor(() => itemIds(b).includes('alice-item-2') && itemIds(a).includes('alice-item-2'), 10_000, 'the restore redone');
    const now = await alice.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(await moment())}`);
    expect(now.boards[0]!.items.map((i) => i.id).sort()).toEqual(['alice-item-1', 'alice-item-2']);
  });

  it('H4, H5: strangers 404, viewers 403, a contributor restores only what they removed themselves; the whole activity is the facilitator\'s', async () => {
    addSwotItem(b.doc, { id: 'bob-item-1', quadrant: 'opportunities', text: 'Sell the Nantes site', author: asBob(), at: new Date() });
    addSwotItem(a.doc, { id: 'alice-item-3', quadrant: 'threats', text: 'Unions', author: asAlice(), at: new Date() });
    addComment(b.doc, { id: 'bob-comment', author: asBob(), at: new Date(), body: '{"root":{}}', text: 'Ask the unions', mentions: [] });
    const both = await moment();
    deleteSwotItem(b.doc, 'bob-item-1');
    deleteSwotItem(a.doc, 'alice-item-3');
    removeComment(b.doc, 'bob-comment', asBob(), new Date());
    await waitFor(() => !itemIds(b).includes('alice-item-3') && !itemIds(a).includes('bob-item-1') && !commentIds(a).includes('bob-comment'));

    // The timeline offers a contributor what they removed themselves, not what others removed (H4).
    const shown = async (api: Api) => (await api.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(both)}`)).yours;
    expect((await shown(bob.api))?.sort()).toEqual(['comments/bob-comment', 'methods/swot/items/bob-item-1']);
    expect(await shown(alice)).toBeUndefined();
    expect(await shown(viewer.api)).toBeUndefined();

    expect((await restore(stranger.api, { at: both, path: 'methods/swot/items/bob-item-1' })).status).toBe(404);
    expect((await restore(viewer.api, { at: both, path: 'methods/swot/items/bob-item-1' })).status).toBe(403);
    expect((await restore(bob.api, { at: both })).status).toBe(403);
    expect((await restore(bob.api, { at: both, path: 'methods/swot' })).status).toBe(403);
    expect((await restore(bob.api, { at: both, path: 'brief' })).status).toBe(403);
    expect((await restore(bob.api, { at: both, path: 'methods/swot/items/alice-item-3' })).status).toBe(403);
    expect((await restore(bob.api, { at: 'yesterday', path: 'methods/swot/items/bob-item-1' })).status).toBe(400);
    expect((await restore(bob.api, { at: both, path: '../etc' })).status).toBe(400);
    // None of the refusals changed anything.
    expect(itemIds(a)).not.toContain('alice-item-3');
    expect(itemIds(a)).not.toContain('bob-item-1');

    const own = await restore(bob.api, { at: both, path: 'methods/swot/items/bob-item-1' });
    expect(own.status).toBe(200);
    await waitFor(() => itemIds(a).includes('bob-item-1'), 10_000, "Bob's own item back for Alice");
    expect(itemIds(a)).not.toContain('alice-item-3');
    expect((await restore(bob.api, { at: both, path: 'comments/bob-comment' })).status).toBe(200);
    // Back, so no longer offered.
    expect(await shown(bob.api)).toEqual([]);
  });
});
