import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tombstoneOf } from '#core/sync/rebase';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { sendUpdate } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, reconnect, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/** The changes a client makes offline, each as Yjs hands it to the provider. */
function recorded(doc: Y.Doc) {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === null) updates.push(update);
  });
  return updates;
}

/**
 * A Yjs client id is its person's (SPEC W10), with stock y-websocket clients on the real
 * relay: nobody fills another person's next clocks with placeholders (collected ranges),
 * which would make every peer drop that person's edits made offline or still in flight.
 */
describe("nobody writes in another person's Yjs client (SPEC W10)", () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let alice: { id: string; api: Api };
  let bob: { id: string; api: Api };
  let watcher: SyncClient;
  const open: SyncClient[] = [];

  const join = async (api: Api) => {
    const client = await connectClient(api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Offline edits',
      question: 'Can one person erase what another typed offline?',
    }));
    alice = await addPerson(admin, 'Alice Martin');
    bob = await addPerson(admin, 'Bob Keller');
    for (const p of [alice, bob]) {
      await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: p.id, role: 'contributor' });
    }
    watcher = await join(admin);
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const notes = (doc: Y.Doc) => doc.getText('notes').toString();

  it("W10: placeholders over Alice's next clocks are refused (4422), after a restart too; her offline edit at those clocks reaches everyone", async () => {
    const writer = await join(alice.api);
    writer.doc.getText('notes').insert(0, 'Alice online. ');
    await waitFor(() => notes(watcher.doc).includes('Alice online.'), 5_000, "Alice's first edit");

    // Who owns a client is kept in the store: a restart changes nothing.
    writer.provider.disconnect();
    await relay.stop();
    relay = await relay.restart();

    const offline = recorded(writer.doc);
    writer.doc.getText('notes').insert(0, 'Alice offline. ');
    expect(offline).toHaveLength(1);
    const client = writer.doc.clientID;
    const clock = Y.getState(writer.doc.store, client);

    // Bob fills Alice's clocks N..N+k (what her offline edit took, and more) with collected ranges.
    const placeholders = tombstoneOf(offline[0]!);
    const longer = Y.encodeStateAsUpdate(collectedRange(client, clock - 'Alice offline. '.length, 500));
    for (const attack of [placeholders, longer]) expect(await sendUpdate(bob.api, activityId, attack)).toBe(4422);

    await reconnect(writer, alice.api, activityId);
    watcher = await join(admin);
    await waitFor(() => notes(watcher.doc).includes('Alice offline.'), 5_000, "Alice's offline edit");
    const fresh = await join(bob.api);
    expect(notes(fresh.doc)).toBe('Alice offline. Alice online. ');
    expect(writer.closes.filter((c) => c.code >= 4000)).toEqual([]);
  });

  it("W10: a client that has only shown its presence is its person's: Alice's first edit, made offline, is kept", async () => {
    const writer = await join(alice.api);
    const client = writer.doc.clientID;
    writer.provider.awareness.setLocalStateField('editing', 'the brief');
    await waitFor(() => watcher.provider.awareness.getStates().has(client), 5_000, "Alice's presence");
    writer.provider.disconnect();
    writer.doc.getText('first').insert(0, 'typed on the train');

    expect(await sendUpdate(bob.api, activityId, Y.encodeStateAsUpdate(collectedRange(client, 0, 100)))).toBe(4422);
    await reconnect(writer, alice.api, activityId);
    await waitFor(() => watcher.doc.getText('first').toString() === 'typed on the train', 5_000, "Alice's first edit");
  });

  it("W10: a client id never seen before becomes its sender's; placeholders in one's own client are taken", async () => {
    const own = new Y.Doc();
    own.getText('skipped').insert(0, 'mine');
    // Placeholders over Bob's own first change (what the app's rollback sends), then his next change after them.
    expect(await sendUpdate(bob.api, activityId, Y.encodeStateAsUpdate(collectedRange(own.clientID, 0, 4)))).toBeNull();
    own.getText('bob').insert(0, 'after my placeholders');
    expect(await sendUpdate(bob.api, activityId, Y.encodeStateAsUpdate(own, Y.encodeStateVector(new Map([[own.clientID, 4]]))))).toBeNull();
    await waitFor(() => watcher.doc.getText('bob').toString() === 'after my placeholders', 5_000, "Bob's change after his placeholders");
    expect(watcher.doc.getText('skipped').toString()).toBe('');
    // The client is Bob's now: Alice may not take its next clocks.
    const next = Y.getState(own.store, own.clientID);
    expect(await sendUpdate(alice.api, activityId, Y.encodeStateAsUpdate(collectedRange(own.clientID, next, 2)))).toBe(4422);
  });
});

/** A document holding only a collected range of `client`'s clocks `from`..`from + length` (a hole before it). */
function collectedRange(client: number, from: number, length: number): Y.Doc {
  const doc = new Y.Doc();
  const gc = new Y.GC(Y.createID(client, from), length);
  doc.store.clients.set(client, [gc]);
  return doc;
}
