import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { updateFrame } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

/** A deletion-only update naming, for `client`, the range [0, len) `copies` times over. */
function repeatedDeletion(client: number, len: number, copies: number) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, copies);
  for (let i = 0; i < copies; i++) {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}

describe('deleted ranges that repeat, on the real relay (SPEC U11)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_MAX_FRAME_BYTES: String(2 * 1024 * 1024) } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Repeated deletions',
      question: 'Can one update make the relay walk the document 50,000 times?',
    }));
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('a ~150 KB update naming one range 50,000 times is refused 4400 and changes nothing; a stock deletion is still taken', { timeout: 60_000 }, async () => {
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const writer = await connectClient(admin, activityId);
    await synced(writer);
    const at = new Date('2026-12-06T02:00:00Z');
    for (let i = 0; i < 200; i++) {
      addSwotItem(writer.doc, { id: `item-000${i}`, quadrant: 'strengths', text: `Strength ${i}`, author: self, at });
    }
    const client = writer.doc.clientID;
    const held = Y.getState(writer.doc.store, client);
    const watcher = await connectClient(admin, activityId);
    await waitFor(() => readSwotItems(watcher.doc).length === 200, 10_000, 'items');

    const crafted = repeatedDeletion(client, held, 50_000);
    expect(crafted.length).toBeGreaterThan(100 * 1024);
    // Sent on the stock client's own socket, as a modified client would.
    writer.provider.ws!.send(updateFrame(crafted));
    await waitFor(() => writer.closes.length > 0, 20_000, 'close');
    expect(writer.closes[0]!.code).toBe(4400);
    expect(writer.closes[0]!.reason).toMatch(/overlap or are out of order/);
    writer.destroy();

    // Nothing changed; a deletion as Yjs writes it (sorted, merged ranges) is taken.
    const reader = await connectClient(admin, activityId);
    await synced(reader);
    expect(readSwotItems(reader.doc)).toHaveLength(200);
    // Every other item: many ranges, sorted and apart.
    reader.doc.transact(() => {
      for (let i = 0; i < 200; i += 2) deleteSwotItem(reader.doc, `item-000${i}`);
    });
    await waitFor(() => readSwotItems(watcher.doc).length === 100, 10_000, 'deletion');
    expect(reader.closes).toEqual([]);
    reader.destroy();
    watcher.destroy();
  });
});
