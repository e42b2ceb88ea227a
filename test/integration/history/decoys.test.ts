import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentAt, RestoreResult } from '#core/api/history';
import { addComment, commentsOf, removeComment } from '#core/doc/comments';
import { documentContent } from '#core/doc/content';
import { addSwotItem, deleteSwotItem, swotItemsMap } from '#core/doc/swot';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/** The Yjs client that created the live entry under `key` (its item id), or null when there is none. */
const entryClient = (client: SyncClient, key: string) => swotItemsMap(client.doc)?.get(key)?._item?.id.client ?? null;
const commentMaps = (client: SyncClient, id: string) => commentsOf(client.doc).toArray().filter((c) => c.get('id') === id);

/**
 * SPEC H2, H4: restores and `yours` follow the very entry or comment of the moment (its Yjs
 * item), not the key or id a client chose: a decoy written under the same key or id is not
 * the original, and a restore never writes the original's authorship onto another map.
 */
describe('restore and yours follow the entry, not its key (SPEC H2, H4)', () => {
  let relay: RelayProcess;
  let alice: Api;
  let aliceId: string;
  let mallory: { id: string; api: Api };
  let activityId: string;
  let a: SyncClient;
  let m: SyncClient;

  beforeAll(async () => {
    relay = await startRelayProcess();
    alice = await setUpOrganisation(relay.url);
    aliceId = (await alice.ok<{ id: string }>('GET', '/api/me')).id;
    mallory = await addPerson(alice, 'Mallory Roux');
    ({ id: activityId } = await alice.ok<{ id: string }>('POST', '/api/activities', { title: 'Budget', question: 'Which cuts?' }));
    await alice.ok('POST', `/api/activities/${activityId}/members`, { userId: mallory.id, role: 'contributor' });
    a = await connectClient(alice, activityId);
    m = await connectClient(mallory.api, activityId);
    await Promise.all([synced(a), synced(m)]);
  });

  afterAll(async () => {
    a.destroy();
    m.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const asAlice = { id: '', name: 'Alice Durand' };
  const asMallory = { id: '', name: 'Mallory Roux' };
  const same = () => JSON.stringify(documentContent(a.doc)) === JSON.stringify(documentContent(m.doc));

  /** A moment after everything so far reached both clients (so the relay logged it), before anything next. */
  async function moment(): Promise<string> {
    await waitFor(same, 10_000, 'both clients to agree');
    await new Promise((r) => setTimeout(r, 5));
    const at = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    return at;
  }

  const restore = (api: Api, body: { at: string; path?: string }) => api.call<RestoreResult>('POST', `/api/activities/${activityId}/restore`, body);
  const yours = async (at: string) => (await mallory.api.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(at)}`)).yours;

  it("H4: a contributor's decoy under a removed entry's key does not make the entry theirs to restore", async () => {
    asAlice.id = aliceId;
    asMallory.id = mallory.id;
    addSwotItem(a.doc, { id: 'plan-aaaa', quadrant: 'threats', text: 'Close Lyon', author: asAlice, at: new Date() });
    const then = await moment();
    // Alice takes her entry back; Mallory writes her own under the same key and removes it.
    deleteSwotItem(a.doc, 'plan-aaaa');
    await moment();
    addSwotItem(m.doc, { id: 'plan-aaaa', quadrant: 'threats', text: 'decoy', author: asMallory, at: new Date() });
    await moment();
    deleteSwotItem(m.doc, 'plan-aaaa');
    await moment();
    expect(m.closes).toEqual([]);

    expect(await yours(then)).toEqual([]);
    const refused = await restore(mallory.api, { at: then, path: 'methods/swot/items/plan-aaaa' });
    expect(refused.status).toBe(403);
    await moment();
    expect(swotItemsMap(a.doc)?.has('plan-aaaa')).toBe(false);
  });

  it('H2: a facilitator restoring an entry over a decoy puts the entry back as it was, never her authorship onto the decoy', async () => {
    addSwotItem(a.doc, { id: 'plan-bbbb', quadrant: 'threats', text: 'Close Nantes', author: asAlice, at: new Date() });
    const written = await moment();
    deleteSwotItem(a.doc, 'plan-bbbb');
    await moment();
    addSwotItem(m.doc, { id: 'plan-bbbb', quadrant: 'threats', text: 'decoy', author: asMallory, at: new Date() });
    await moment();
    expect(entryClient(a, 'plan-bbbb')).toBe(m.doc.clientID);

    const done = await restore(alice, { at: written, path: 'methods/swot/items/plan-bbbb' });
    expect(done.status).toBe(200);
    await waitFor(() => swotItemsMap(a.doc)?.get('plan-bbbb')?.get('text') === 'Close Nantes', 10_000, 'the entry back');
    await moment();
    const entry = swotItemsMap(m.doc)!.get('plan-bbbb')!;
    expect(entry.toJSON()).toMatchObject({ text: 'Close Nantes', authorId: aliceId, authorName: 'Alice Durand' });
    // The entry put back is a new one authored as it was, not Mallory's map rewritten.
    expect(entry._item!.id.client).not.toBe(m.doc.clientID);
  });

  it("H2, H4: a decoy comment under a comment's id is neither the contributor's to restore nor given the author's name by a restore", async () => {
    const empty = await moment();
    addComment(a.doc, { id: 'alice-note', author: asAlice, at: new Date(), body: '{"root":{}}', text: 'Keep Lyon', mentions: [] });
    const written = await moment();
    // The facilitator brings the whole activity back to before the comment: it leaves the list.
    expect((await restore(alice, { at: empty })).body.changed).toBe(true);
    await waitFor(() => commentMaps(m, 'alice-note').length === 0 && commentMaps(a, 'alice-note').length === 0, 10_000, 'the comment gone');
    // Mallory writes a comment under that id (the document no longer holds it) and removes it.
    addComment(m.doc, { id: 'alice-note', author: asMallory, at: new Date(), body: '{"root":{}}', text: 'decoy', mentions: [] });
    await moment();
    removeComment(m.doc, 'alice-note', asMallory, new Date());
    await moment();
    expect(m.closes).toEqual([]);

    expect(await yours(written)).toEqual([]);
    expect((await restore(mallory.api, { at: written, path: 'comments/alice-note' })).status).toBe(403);

    // The facilitator's restore of that one comment is refused while another holds its id: never Mallory's map made Alice's.
    const done = await restore(alice, { at: written, path: 'comments/alice-note' });
    expect(done.status).toBe(409);
    await moment();
    const [decoy] = commentMaps(m, 'alice-note');
    expect(commentMaps(m, 'alice-note')).toHaveLength(1);
    expect(decoy!.get('authorId')).toBe(mallory.id);
    expect((decoy!.get('versions') as Y.Array<{ by: string }>).toArray().map((v) => v.by)).toEqual([mallory.id]);
    // The whole activity at that moment brings Alice's comment back and takes the later decoy out.
    expect((await restore(alice, { at: written })).body.changed).toBe(true);
    await waitFor(() => commentMaps(m, 'alice-note')[0]?.get('authorId') === aliceId, 10_000, "Alice's comment back");
    await moment();
    expect(commentMaps(m, 'alice-note')).toHaveLength(1);
    expect(commentMaps(m, 'alice-note')[0]!._item!.id.client).not.toBe(m.doc.clientID);
  });
});
