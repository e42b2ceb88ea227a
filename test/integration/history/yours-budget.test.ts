import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentAt, RestoreResult } from '#core/api/history';
import { addComment, removeComment } from '#core/doc/comments';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * SPEC H5: working out what a contributor removed since a moment has an allowance on the
 * history thread. A relay whose allowance is a handful of steps cannot finish it: the
 * document at the moment is still answered, `yours` is null (nothing offered), and the
 * contributor's restore is refused without changing anything; the facilitator is unaffected.
 */
describe('who removed what, past its allowance (SPEC H4, H5)', () => {
  let relay: RelayProcess;
  let alice: Api;
  let bob: { id: string; api: Api };
  let activityId: string;
  let a: SyncClient;
  let b: SyncClient;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_HISTORY_REPLAY_STEPS: '20' } });
    alice = await setUpOrganisation(relay.url);
    bob = await addPerson(alice, 'Bob Martin');
    ({ id: activityId } = await alice.ok<{ id: string }>('POST', '/api/activities', { title: 'Budget', question: 'Which cuts?' }));
    await alice.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
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

  it('H5: past the allowance the moment is answered with yours null, and the restore is refused with nothing changed', async () => {
    const bobAuthor = { id: bob.id, name: 'Bob Martin' };
    for (let i = 0; i < 10; i++) {
      addComment(b.doc, { id: `bob-comment-${i}`, author: bobAuthor, at: new Date(), body: '{"root":{}}', text: `Point ${i}`, mentions: [] });
    }
    addSwotItem(b.doc, { id: 'bob-item-1', quadrant: 'strengths', text: 'Two sites', author: bobAuthor, at: new Date() });
    await waitFor(() => readSwotItems(a.doc).length === 1);
    await new Promise((r) => setTimeout(r, 20));
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 10; i++) removeComment(b.doc, `bob-comment-${i}`, bobAuthor, new Date());
    deleteSwotItem(b.doc, 'bob-item-1');
    await waitFor(() => readSwotItems(a.doc).length === 0, 10_000, 'the deletion to reach Alice');
    await new Promise((r) => setTimeout(r, 200));

    const asked = await bob.api.call<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(before)}`);
    expect(asked.status).toBe(200);
    expect(asked.body.boards[0]!.items.map((i) => i.id)).toEqual(['bob-item-1']);
    expect(asked.body.comments).toHaveLength(10);
    expect(asked.body.yours).toBeNull();
    // Asked again: the same answer (kept, not replayed again).
    expect((await bob.api.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(before)}`)).yours).toBeNull();

    const refused = await bob.api.call<RestoreResult>('POST', `/api/activities/${activityId}/restore`, { at: before, path: 'methods/swot/items/bob-item-1' });
    expect(refused.status).toBe(409);
    await new Promise((r) => setTimeout(r, 200));
    expect(readSwotItems(a.doc)).toHaveLength(0);

    // The facilitator needs no replay: her restore goes through.
    const theirs = await alice.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(before)}`);
    expect(theirs.yours).toBeUndefined();
    expect((await alice.ok<RestoreResult>('POST', `/api/activities/${activityId}/restore`, { at: before, path: 'methods/swot/items/bob-item-1' })).changed).toBe(true);
    await waitFor(() => readSwotItems(b.doc).length === 1, 10_000, 'the item back for Bob');
  });
});
