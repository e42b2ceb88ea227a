import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { rebaseChanges, tombstoneOf, writesIn } from '#core/sync/rebase';
import { readRefusedClient, readRefusedId } from '#core/sync/refused-change';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { sendUpdate } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import type { Param } from '../../../server/store/store.ts';
import { queryStore, writeStatements } from '../../support/store-reader.ts';
import { connectApp, connectClient, reconnect, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/** Changes the store with the relay stopped, as an operator putting a data folder back would. */
async function writeStore(dataDir: string, statements: [sql: string, params: Param[]][]): Promise<void> {
  await writeStatements(dataDir, statements.map(([sql, params]) => ({ sql, params })));
}

const itemIds = (client: SyncClient) => readSwotItems(client.doc).map((i) => i.id).sort();

/**
 * SPEC W10 on documents whose owners the store lacks (written before W10, or a data
 * folder put back from a copy): the relay finds whose each client is from the log, and
 * the app, refused for a client the relay cannot tie to its person, leaves that client's
 * changes out instead of filling its clocks again and again (W9). Real relay, stock
 * y-websocket clients, the real SQLite file.
 */
describe('whose each client is, for documents the store lacks owners of (SPEC W10, W9)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let bob: { id: string; api: Api };
  let mallory: { id: string; api: Api };
  const open: SyncClient[] = [];

  const join = async (api: Api, doc = new Y.Doc()) => {
    const client = await connectClient(api, activityId, doc);
    open.push(client);
    await synced(client);
    return client;
  };

  /** Stops the relay, forgets every owner of the activity's clients (and how far the log was read for them), and starts it again. */
  async function loseOwners(extra: [string, Param[]][] = []) {
    await relay.stop();
    await writeStore(relay.dataDir, [
      ['DELETE FROM doc_clients WHERE activity_id = ?', [activityId]],
      ['DELETE FROM doc_clients_backfill WHERE activity_id = ?', [activityId]],
      ...extra,
    ]);
    relay = await relay.restart();
  }

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_SNAPSHOT_EVERY: '2' } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Old document', question: 'Whose are these edits?' }));
    bob = await addPerson(admin, 'Bob Keller');
    mallory = await addPerson(admin, 'Mallory Roux');
    for (const p of [bob, mallory]) await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: p.id, role: 'contributor' });
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it("W10: owners missing from the store are found in the log: Bob's next edit in his client is taken, Mallory's placeholders there are not", async () => {
    const bobsDoc = new Y.Doc();
    const b = await join(bob.api, bobsDoc);
    const watcher = await join(admin);
    const asBob = { id: bob.id, name: 'Bob Keller' };
    addSwotItem(b.doc, { id: 'bob-item-1', quadrant: 'strengths', text: 'Two sites', author: asBob, at: new Date() });
    addSwotItem(b.doc, { id: 'bob-item-2', quadrant: 'strengths', text: 'One warehouse', author: asBob, at: new Date() });
    await waitFor(() => itemIds(watcher).length === 2, 10_000, "Bob's items");
    b.provider.disconnect();
    watcher.provider.disconnect();

    await loseOwners();
    expect(await queryStore(relay.dataDir, 'SELECT client_id FROM doc_clients WHERE activity_id = ?', [activityId])).toEqual([]);

    await reconnect(b, bob.api, activityId);
    await synced(b);
    addSwotItem(b.doc, { id: 'bob-item-3', quadrant: 'threats', text: 'Lease ends', author: asBob, at: new Date() });
    const seen = await join(admin);
    await waitFor(() => itemIds(seen).includes('bob-item-3'), 10_000, "Bob's edit after the restart");
    expect(b.closes.filter((c) => c.code >= 4000)).toEqual([]);
    const owners = await queryStore<{ client_id: number; user_id: string }>(relay.dataDir, 'SELECT client_id, user_id FROM doc_clients WHERE activity_id = ?', [activityId]);
    expect(owners).toContainEqual({ client_id: bobsDoc.clientID, user_id: bob.id });

    // Found as Bob's: nobody else fills his next clocks.
    const next = new Y.Doc({ gc: false });
    Y.applyUpdate(next, Y.encodeStateAsUpdate(b.doc));
    const offline: Uint8Array[] = [];
    next.clientID = bobsDoc.clientID;
    next.on('update', (u: Uint8Array) => offline.push(u));
    next.getText('notes').insert(0, 'Bob offline');
    expect(await sendUpdate(mallory.api, activityId, tombstoneOf(offline[0]!))).toBe(4422);
  });

  it("W9, W10: refused for a client the relay cannot tie to its person, the app leaves that client's changes out, says so, and keeps the others: no refusal after", async () => {
    const { client: app, changes } = await connectApp(bob.api, activityId);
    open.push(app);
    await synced(app);
    const asBob = { id: bob.id, name: 'Bob Keller' };
    addSwotItem(app.doc, { id: 'bob-item-4', quadrant: 'threats', text: 'Strikes', author: asBob, at: new Date() });
    const watcher = await join(admin);
    await waitFor(() => itemIds(watcher).includes('bob-item-4'), 10_000, "Bob's item");
    app.provider.disconnect();
    watcher.provider.disconnect();
    // The log behind the snapshot the stop writes gives up its data (D5): who took Bob's client can no longer be read.
    await loseOwners([['UPDATE doc_updates SET bytes = length(data), data = ? WHERE activity_id = ?', [Buffer.alloc(0), activityId]]]);

    // Offline: a new item in his client, then a deletion (which takes no clocks).
    addSwotItem(app.doc, { id: 'bob-item-5', quadrant: 'threats', text: 'Floods', author: asBob, at: new Date() });
    deleteSwotItem(app.doc, 'bob-item-1');
    await reconnect(app, bob.api, activityId);
    await waitFor(() => app.closes.some((c) => c.code === 4422), 10_000, 'the refusal');
    const reason = app.closes.find((c) => c.code === 4422)!.reason;
    expect(readRefusedClient(reason)).toBe(app.doc.clientID);

    // The app's rollback (renderer/sync/activity-session.ts): a fresh copy from the relay, then the changes rebased.
    const carried = changes.updates();
    app.provider.destroy();
    const { client: fresh } = await connectApp(bob.api, activityId);
    open.push(fresh);
    await synced(fresh);
    const rebase = rebaseChanges(fresh.doc, carried, readRefusedId(reason), readRefusedClient(reason));
    expect(rebase.dropped).toHaveLength(1);
    expect(rebase.replay.some((u) => writesIn(u, app.doc.clientID))).toBe(false);
    for (const update of rebase.replay) Y.applyUpdate(fresh.doc, update, 'rebase');

    const after = await join(admin);
    await waitFor(() => !itemIds(after).includes('bob-item-1'), 10_000, 'the deletion kept');
    expect(itemIds(after)).not.toContain('bob-item-5');
    // A later edit of the fresh copy goes through: nothing of the old client is ever sent again.
    addSwotItem(fresh.doc, { id: 'bob-item-6', quadrant: 'threats', text: 'Heat', author: asBob, at: new Date() });
    await waitFor(() => itemIds(after).includes('bob-item-6'), 10_000, 'the next edit');
    expect(fresh.closes.filter((c) => c.code >= 4000)).toEqual([]);
  });
});
