import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import {
  awarenessFrame,
  bytesReceived,
  queryAwareness,
  rssMb,
  stopReading,
  watchRss,
  wholeDocumentPlease,
} from '../../support/hostile.ts';
import { openWithTicket } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

describe('back-pressure and per-connection budgets (SPEC L4, L8)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let viewer: Api;
  let activityId: string;
  let documentBytes = 0;
  const open: SyncClient[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess({
      env: {
        CONCLAVE_SYNC_STEP1_PER_MINUTE: '5',
        CONCLAVE_AWARENESS_QUERIES_PER_MINUTE: '5',
        CONCLAVE_AWARENESS_BYTES_PER_SECOND: '65536',
      },
    });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Annual report',
      question: 'What goes into the 2026 annual report?',
    }));
    const v = await addPerson(admin, 'Vince Viewer');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: v.id, role: 'viewer' });
    viewer = v.api;
    // A multi-megabyte document, written in frames under the 1 MiB frame limit.
    const writer = await connectClient(admin, activityId);
    await synced(writer);
    for (let i = 0; i < 3; i++) writer.doc.getMap('appendix').set(`part-${i}`, String(i).repeat(900_000));
    const check = await connectClient(admin, activityId, new Y.Doc());
    await synced(check);
    await waitFor(() => check.doc.getMap('appendix').size === 3, 30_000, 'the big document');
    documentBytes = Y.encodeStateAsUpdate(check.doc).length;
    writer.destroy();
    check.destroy();
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('L4: 1,000 sync step 1 frames from a viewer that never reads, on a 2.7 MB document: the viewer is cut off, the relay stays small, an honest edit still reaches a peer', async () => {
    expect(documentBytes).toBeGreaterThan(2_500_000);
    const editor = await connectClient(admin, activityId);
    const peer = await connectClient(admin, activityId, new Y.Doc());
    open.push(editor, peer);
    await Promise.all([synced(editor), synced(peer)]);

    const attacker = await openWithTicket(viewer, activityId);
    let closeCode: number | null = null;
    void attacker.closed.then(({ code }) => (closeCode = code));
    const resume = stopReading(attacker.socket);
    const before = rssMb(relay.child.pid!);
    const watch = watchRss(relay.child.pid!);
    for (let i = 0; i < 1000; i++) attacker.send(wholeDocumentPlease);

    editor.doc.getMap('methods').set('after-step1-flood', 'delivered');
    await waitFor(() => peer.doc.getMap('methods').get('after-step1-flood') === 'delivered', 60_000, 'honest edit');
    const peak = watch.stop();
    resume();
    await waitFor(() => closeCode !== null || bytesReceived(attacker) > 100 * documentBytes, 120_000, 'the answers read back');
    // Without back-pressure the relay would queue 1,000 copies of the document (2.7 GB).
    expect(bytesReceived(attacker)).toBeLessThan(10 * documentBytes);
    expect([1011, 4029]).toContain(closeCode);
    expect(peak - before, `relay grew from ${before.toFixed(0)} MB to ${peak.toFixed(0)} MB`).toBeLessThan(150);
  });

  it('L8: sync step 1 beyond CONCLAVE_SYNC_STEP1_PER_MINUTE on one connection closes it with 4029', async () => {
    const client = await openWithTicket(viewer, activityId);
    for (let i = 0; i < 8; i++) client.send(wholeDocumentPlease);
    const closed = await client.closed;
    expect(closed.code).toBe(4029);
    expect(closed.reason).toMatch(/sync/);
    // At most the budget was answered (each answer is a sync step 2 holding the document).
    const answers = client.frames.filter((f) => f[0] === 0 && f[1] === 1);
    expect(answers.length).toBeLessThanOrEqual(5);
  });

  it('L8: query-awareness beyond CONCLAVE_AWARENESS_QUERIES_PER_MINUTE on one connection closes it with 4029', async () => {
    const client = await openWithTicket(viewer, activityId);
    for (let i = 0; i < 8; i++) client.send(queryAwareness);
    const closed = await client.closed;
    expect(closed.code).toBe(4029);
    expect(closed.reason).toMatch(/presence/);
  });

  it('L8: awareness beyond CONCLAVE_AWARENESS_BYTES_PER_SECOND on one connection closes it with 4029', async () => {
    const client = await openWithTicket(viewer, activityId);
    const state = JSON.stringify({ cursor: 'z'.repeat(12_000) });
    for (let clock = 1; clock <= 40; clock++) client.send(awarenessFrame([{ clientId: 321_321, clock, json: state }]));
    const closed = await client.closed;
    expect(closed.code).toBe(4029);
    expect(closed.reason).toMatch(/presence/);
  });

  it("L8: the awareness budget is the person's: a new connection right after one was closed for presence gets no fresh allowance", async () => {
    const state = JSON.stringify({ cursor: 'w'.repeat(12_000) });
    const first = await openWithTicket(viewer, activityId);
    for (let clock = 1; clock <= 40; clock++) first.send(awarenessFrame([{ clientId: 654_321, clock, json: state }]));
    expect((await first.closed).code).toBe(4029);
    // 240 kB: within one connection's allowance (4 s of 64 KiB/s), not within what the person has left.
    const second = await openWithTicket(viewer, activityId);
    for (let clock = 41; clock <= 60; clock++) second.send(awarenessFrame([{ clientId: 654_321, clock, json: state }]));
    const closed = await Promise.race([second.closed, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    expect(closed?.code).toBe(4029);
    expect(closed?.reason).toMatch(/presence/);
  });

  it('R2: the whole document asked for again after an edit holds the edit (one encoding per version of the document)', async () => {
    const editor = await connectClient(admin, activityId);
    open.push(editor);
    await synced(editor);
    const asker = await openWithTicket(viewer, activityId);
    const answers = () => asker.frames.filter((f) => f[0] === 0 && f[1] === 1);
    const wholeIn = (frame: Uint8Array) => {
      const doc = new Y.Doc();
      const d = decoding.createDecoder(frame);
      decoding.readVarUint(d);
      decoding.readVarUint(d);
      Y.applyUpdate(doc, decoding.readVarUint8Array(d));
      return doc;
    };
    asker.send(wholeDocumentPlease);
    await waitFor(() => answers().length === 1, 30_000, 'the first answer');
    expect(wholeIn(answers()[0]!).getMap('methods').has('after-first-answer')).toBe(false);
    editor.doc.getMap('methods').set('after-first-answer', 'in the second');
    // The edit is committed once the relay broadcasts it (D1), to the asker too.
    await waitFor(() => asker.frames.some((f) => f[0] === 0 && f[1] === 2), 30_000, 'the edit broadcast');
    asker.send(wholeDocumentPlease);
    await waitFor(() => answers().length === 2, 30_000, 'the second answer');
    const second = wholeIn(answers()[1]!);
    expect(second.getMap('methods').get('after-first-answer')).toBe('in the second');
    expect(second.getMap('appendix').size).toBe(3);
    asker.socket.close();
  });
});
