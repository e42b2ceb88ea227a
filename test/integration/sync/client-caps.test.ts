import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { sendUpdate } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, reconnect, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * One update of `count` Yjs client ids never seen, each holding one placeholder (a collected
 * range) of a huge length: each costs the document's state vector about 11 bytes, so a few
 * such updates would push it past the 1 MiB frame every client sends back on reconnecting.
 */
function freshClients(first: number, count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(e, 1); // one struct
    encoding.writeVarUint(e, first + i); // its client
    encoding.writeVarUint(e, 0); // from clock 0
    encoding.writeUint8(e, 0); // a collected range (GC)
    encoding.writeVarUint(e, 2 ** 40); // this long
  }
  encoding.writeVarUint(e, 0); // deletes nothing
  return encoding.toUint8Array(e);
}

/**
 * New Yjs client ids are capped per person and per document (SPEC W14), with stock
 * y-websocket clients on the real relay: nobody can grow the document's state vector past
 * the frame every client sends back when it syncs (L1), which would lock everyone out.
 */
describe('new Yjs client ids per person and per document (SPEC W14)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let mallory: { id: string; api: Api };
  let vera: { id: string; api: Api };
  const open: SyncClient[] = [];

  const join = async (api: Api) => {
    const client = await connectClient(api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_NEW_CLIENTS_PER_DAY: '8' } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Sessions',
      question: 'Can one person lock everyone out of the board?',
    }));
    mallory = await addPerson(admin, 'Mallory Durand');
    vera = await addPerson(admin, 'Vera Lenoir');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: mallory.id, role: 'contributor' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: vera.id, role: 'viewer' });
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const clientRows = async (userId?: string) => {
    const [row] = await queryStore<{ n: number }>(
      relay.dataDir,
      `SELECT COUNT(*) AS n FROM doc_clients WHERE activity_id = ?${userId ? ' AND user_id = ?' : ''}`,
      userId ? [activityId, userId] : [activityId],
    );
    return row!.n;
  };
  /** Claims are stored with the commit of their update, or on their own for presence: read until there. */
  const rowsReach = async (userId: string | undefined, n: number) => {
    let last = -1;
    for (let i = 0; i < 250 && last !== n; i++) {
      last = await clientRows(userId);
      if (last !== n) await new Promise((r) => setTimeout(r, 20));
    }
    expect(last).toBe(n);
  };

  it('W14: updates taking tens of thousands of new client ids are refused (4422), nothing applied; everyone still syncs and reconnects', async () => {
    const watcher = await join(admin);
    const before = Y.encodeStateVector(watcher.doc).length;
    const outcomes: (number | null)[] = [];
    for (let batch = 0; batch < 4; batch++) outcomes.push(await sendUpdate(mallory.api, activityId, freshClients(1_000_000 + batch * 45_000, 45_000)));

    // A stock client joins, edits, and reconnects (its step 1 carries the whole state vector).
    const late = await join(admin);
    late.doc.getText('notes').insert(0, 'still here');
    await waitFor(() => watcher.doc.getText('notes').toString() === 'still here', 10_000, 'the edit after the attempts');
    for (const client of [late, watcher]) {
      client.provider.disconnect();
      await reconnect(client, admin, activityId);
      await waitFor(() => client.provider.synced || client.closes.length > 0, 10_000, 'sync or a close');
    }
    expect([...late.closes, ...watcher.closes]).toEqual([]);
    expect(outcomes).toEqual([4422, 4422, 4422, 4422]);
    expect(Y.encodeStateVector(watcher.doc).length).toBeLessThan(before + 100);
    expect(await clientRows(mallory.id)).toBe(0);
  });

  it('W14: a person takes new client ids up to the cap, presence included; past it their edit is refused (4422) and their presence claims nothing', async () => {
    // Within the cap (8 a day here): each its own update, each taken.
    for (let i = 0; i < 7; i++) expect(await sendUpdate(mallory.api, activityId, freshClients(5_000_000 + i, 1))).toBeNull();
    await rowsReach(mallory.id, 7);
    // The eighth, shown by presence first: claimed, and its edits taken.
    const eighth = await join(mallory.api);
    eighth.provider.awareness.setLocalStateField('editing', 'the brief');
    eighth.doc.getText('notes').insert(0, 'mine ');
    const watcher = await join(admin);
    await waitFor(() => watcher.doc.getText('notes').toString().startsWith('mine '), 10_000, "Mallory's edit within the cap");
    await rowsReach(mallory.id, 8);
    // The ninth: its presence claims nothing (else its edit would be taken as its owner's); its first edit is refused.
    const ninth = await join(mallory.api);
    ninth.provider.awareness.setLocalStateField('editing', 'the brief');
    await waitFor(() => watcher.provider.awareness.getStates().has(ninth.doc.clientID), 5_000, "the ninth client's presence");
    ninth.doc.getText('notes').insert(0, 'one too many ');
    await waitFor(() => ninth.closes.length > 0, 10_000, 'the refusal');
    expect(ninth.closes[0]!.code).toBe(4422);
    expect(ninth.denied.some((d) => d.includes('(W14)'))).toBe(true);
    expect(watcher.doc.getText('notes').toString()).not.toContain('one too many');
    expect(await sendUpdate(mallory.api, activityId, freshClients(6_000_000, 1))).toBe(4422);
    expect(await clientRows(mallory.id)).toBe(8);
  });

  it('W14: a viewer claims no client id by showing their presence', async () => {
    const rows = await clientRows();
    const viewer = await join(vera.api);
    viewer.provider.awareness.setLocalStateField('looking', 'at the board');
    const watcher = await join(admin);
    await waitFor(() => watcher.provider.awareness.getStates().has(viewer.doc.clientID), 5_000, "the viewer's presence");
    // The admin's own client was claimed by its presence (stored once it shows); the viewer's was not.
    await rowsReach(undefined, rows + 1);
    expect(await clientRows(vera.id)).toBe(0);
  });
});
