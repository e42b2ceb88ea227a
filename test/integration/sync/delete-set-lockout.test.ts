import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, reconnect, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/** A small frame, so that a few thousand deleted ranges reach it: the rule scales with the frame (SPEC U14). */
const frameBytes = 64 * 1024;

/** What a client's sync step 2 always carries, whatever it is asked for: the whole delete set. */
const deleteSetBytes = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).length;

/**
 * Deletes every other character of the text `text` inserted in one go at the client's clock
 * `from`, `perUpdate` at a time: each batch one update of that many deleted ranges, applied
 * to the stock client's document, which sends it. (Written as ranges: Y.Text takes tens of
 * seconds to delete 20,000 characters one by one.)
 */
function fragment(doc: Y.Doc, text: { client: number; from: number }, skip: number, batches: number, perUpdate: number) {
  let clock = text.from + skip;
  for (let b = 0; b < batches; b++) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // no structs
    encoding.writeVarUint(e, 1); // one client's deletions
    encoding.writeVarUint(e, text.client);
    encoding.writeVarUint(e, perUpdate);
    for (let i = 0; i < perUpdate; i++, clock += 2) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, 1);
    }
    Y.applyUpdate(doc, encoding.toUint8Array(e));
  }
}

/** Inserts `n` characters at the end of the text in one go: where they stand in the client's clocks. */
function insertRun(doc: Y.Doc, text: Y.Text, char: string, n: number) {
  const from = Y.getState(doc.store, doc.clientID);
  text.insert(text.length, char.repeat(n));
  return { client: doc.clientID, from };
}

/**
 * A document's delete set is sent whole in every sync step 2 a client writes, whatever it
 * is asked for: with stock y-websocket clients on the real relay, a flood of fragmented
 * deletions must not push it past the frame (L1), or nobody who holds the document could
 * sync again (each reconnect closed 1009, for ever).
 */
describe('the delete set stays within half a frame (SPEC U14)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let mallory: { id: string; api: Api };
  const open: SyncClient[] = [];

  const join = async (api: Api) => {
    const client = await connectClient(api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };

  /** Disconnects and reconnects each client: its step 2 carries the whole delete set. */
  const reconnectAll = async (clients: SyncClient[]) => {
    for (const client of clients) {
      client.provider.disconnect();
      await reconnect(client, admin, activityId);
      await waitFor(() => client.provider.synced || client.closes.length > 0, 10_000, 'sync or a close');
      // A step 2 over the frame closes shortly after the sync: give it the time to.
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_MAX_FRAME_BYTES: String(frameBytes) } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Fragments',
      question: 'Can deletions lock everyone out of the board?',
    }));
    mallory = await addPerson(admin, 'Mallory Durand');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: mallory.id, role: 'contributor' });
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('U14: a contributor deleting every other character is refused (4422) past their share, nothing of that update applied; everyone still syncs and reconnects', { timeout: 60_000 }, async () => {
    const watcher = await join(admin);
    const attacker = await join(mallory.api);
    const text = attacker.doc.getText('notes');
    const run = insertRun(attacker.doc, text, 'x', 40_000);
    await waitFor(() => watcher.doc.getText('notes').length === 40_000, 10_000, 'the text');

    // Ten updates of 2,000 deleted ranges each (about 8 KB each; 80 KB in all, past the 64 KiB frame).
    fragment(attacker.doc, run, 0, 10, 2_000);
    const settled = () => attacker.closes.length > 0 || watcher.doc.getText('notes').length === 20_000;
    await waitFor(settled, 20_000, 'the flood taken or refused');
    attacker.provider.disconnect();

    // A newcomer joins and edits; everyone reconnects (their step 2 carries the whole delete set).
    const late = await join(admin);
    late.doc.getText('brief').insert(0, 'still here');
    await waitFor(() => watcher.doc.getText('brief').toString() === 'still here', 10_000, 'the edit after the flood');
    await reconnectAll([late, watcher]);
    expect([...late.closes, ...watcher.closes]).toEqual([]);
    expect(deleteSetBytes(watcher.doc)).toBeLessThanOrEqual(frameBytes / 4);

    expect(attacker.closes[0]?.code).toBe(4422);
    expect(attacker.closes[0]!.reason).toMatch(/U14/);
    expect(attacker.denied[0]).toMatch(/too scattered/);
    // Some batches taken, whole; the rest refused, whole.
    const kept = watcher.doc.getText('notes').length;
    expect(kept).toBeLessThan(40_000);
    expect((40_000 - kept) % 2_000).toBe(0);
  });

  it('U14: the facilitator has no share, but the document stops at half a frame (4422); emptying the text is still taken (U6)', { timeout: 60_000 }, async () => {
    const writer = await join(admin);
    const watcher = await join(admin);
    const text = writer.doc.getText('notes');
    const start = text.length;
    const run = insertRun(writer.doc, text, 'y', 40_000);
    await waitFor(() => watcher.doc.getText('notes').length === start + 40_000, 10_000, 'the second text');

    fragment(writer.doc, run, 0, 10, 2_000);
    const settled = () => writer.closes.length > 0 || watcher.doc.getText('notes').length === start + 20_000;
    await waitFor(settled, 20_000, 'the flood taken or refused');
    writer.provider.disconnect();
    await reconnectAll([watcher]);
    expect(watcher.closes).toEqual([]);
    expect(deleteSetBytes(watcher.doc)).toBeLessThanOrEqual(frameBytes / 2);
    expect(writer.closes[0]?.code).toBe(4422);
    expect(writer.closes[0]!.reason).toMatch(/U14/);

    // Deleting what stands between deleted characters joins their ranges: nothing added, taken.
    const notes = watcher.doc.getText('notes');
    const before = notes.length;
    notes.delete(0, 2_000);
    const checker = await join(admin);
    await waitFor(() => checker.doc.getText('notes').length === before - 2_000, 10_000, 'the deletion at the cap');
    await reconnectAll([checker, watcher]);
    expect([...checker.closes, ...watcher.closes]).toEqual([]);
  });
});
