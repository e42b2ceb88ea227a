import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { openWithTicket } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

let relay: RelayProcess | null = null;

afterEach(async () => {
  if (relay) {
    await relay.stop();
    await removeDataDir(relay.dataDir);
    relay = null;
  }
});

async function start(env: Record<string, string> = {}) {
  relay = await startRelayProcess({ env });
  const admin = await setUpOrganisation(relay.url);
  const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Lifecycle',
    question: 'Does the room keep its promises over its lifetime?',
  });
  return { relay, admin, activityId: id };
}

/** Reads a sync step 2 frame's update, or null for any other frame. */
function step2Update(frame: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 1) return null;
  return decoding.readVarUint8Array(d);
}

async function write(admin: Api, activityId: string, entries: number) {
  const client = await connectClient(admin, activityId);
  await synced(client);
  for (let i = 0; i < entries; i++) client.doc.getMap('board').set(`item-${i}`, 'x'.repeat(20));
  const check = await connectClient(admin, activityId, new Y.Doc());
  await waitFor(() => check.doc.getMap('board').size === entries, 10_000, 'entries stored');
  check.destroy();
  client.destroy();
}

describe('room lifecycle (SPEC R1, R3, D3, L3, L4)', () => {
  it('R1: frames sent before the room has loaded are answered from the whole document', async () => {
    const { admin, activityId } = await start();
    await write(admin, activityId, 3000);
    relay = await relay!.stop().then(() => relay!.restart());
    const raw = await openWithTicket(admin, activityId);
    // Sent at once, while the room is still loading its 3,000 entries.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    raw.send(encoding.toUint8Array(e));
    await waitFor(() => raw.frames.some((f) => step2Update(f) !== null), 10_000, 'sync step 2');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, step2Update(raw.frames.find((f) => step2Update(f) !== null)!)!);
    expect(doc.getMap('board').size).toBe(3000);
    raw.socket.close();
  });

  it('R3: an idle room is written to a snapshot and unloaded; it loads again from it', async () => {
    const { admin, activityId } = await start({ CONCLAVE_IDLE_UNLOAD_MS: '200', CONCLAVE_SNAPSHOT_EVERY: '100000' });
    await write(admin, activityId, 50);
    const dataDir = relay!.dataDir;
    let snapshots: { upto_id: number }[] = [];
    for (let tries = 0; tries < 100 && snapshots.length === 0; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      snapshots = await queryStore(dataDir, 'SELECT upto_id FROM doc_snapshots WHERE activity_id = ?', [activityId]);
    }
    const last = await queryStore<{ id: number }>(relay!.dataDir, 'SELECT MAX(id) AS id FROM doc_updates WHERE activity_id = ?', [activityId]);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.upto_id).toBe(last[0]!.id);
    const again = await connectClient(admin, activityId, new Y.Doc());
    await synced(again);
    expect(again.doc.getMap('board').size).toBe(50);
    again.destroy();
  });

  it('D3: SIGTERM closes rooms with 1012, commits what was accepted and snapshots it', async () => {
    const { admin, activityId } = await start({ CONCLAVE_SNAPSHOT_EVERY: '100000' });
    const client = await connectClient(admin, activityId);
    await synced(client);
    for (let i = 0; i < 200; i++) client.doc.getMap('board').set(`k${i}`, i);
    const peer = await connectClient(admin, activityId, new Y.Doc());
    await waitFor(() => peer.doc.getMap('board').size === 200, 10_000, 'peer sees all');
    client.provider.shouldConnect = false;
    const code = await relay!.stop();
    expect(code).toBe(0);
    expect(client.closes.map((c) => c.code)).toContain(1012);
    const snapshots = await queryStore(relay!.dataDir, 'SELECT 1 FROM doc_snapshots WHERE activity_id = ?', [activityId]);
    expect(snapshots).toHaveLength(1);
    client.destroy();
    peer.destroy();
    relay = await relay!.restart();
    const after = await connectClient(admin, activityId, new Y.Doc());
    await synced(after);
    expect(after.doc.getMap('board').size).toBe(200);
    after.destroy();
  });

  it('L3: a connection sending faster than allowed is closed with 4029', async () => {
    const { admin, activityId } = await start({ CONCLAVE_MESSAGES_PER_SECOND: '5', CONCLAVE_MESSAGE_BURST: '20' });
    const raw = await openWithTicket(admin, activityId);
    for (let i = 0; i < 60; i++) raw.send(new Uint8Array([3]));
    expect((await raw.closed).code).toBe(4029);
  });

  it('L4: an update that would pass the document size limit is refused with 4413, unsaved', async () => {
    const { admin, activityId } = await start({ CONCLAVE_MAX_DOCUMENT_BYTES: '20000' });
    const client = await connectClient(admin, activityId);
    await synced(client);
    client.doc.getMap('board').set('small', 'fits');
    client.doc.getMap('board').set('big', 'y'.repeat(30_000));
    await waitFor(() => client.closes.some((c) => c.code === 4413), 10_000, 'close 4413');
    expect(client.denied.some((r) => r.startsWith('document-full'))).toBe(true);
    client.destroy();
    const reader = await connectClient(admin, activityId, new Y.Doc());
    await synced(reader);
    await waitFor(() => reader.doc.getMap('board').get('small') === 'fits', 5_000, 'small entry');
    expect(reader.doc.getMap('board').has('big')).toBe(false);
    reader.destroy();
  });
});
