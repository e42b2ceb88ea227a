import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { openWithTicket, updateFrame } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * An update Yjs integrates in part, then throws on: a new text in a root the app does not
 * read (any editor's), followed by a deleted range of length 0 for a client nobody knows.
 * The scan reads it whole and the judge finds nothing missing, Yjs integrates the text,
 * then fails writing that empty range back (lib0 "Unexpected case") — after the text is in.
 */
function partlyApplicable(text: string): Uint8Array {
  const author = new Y.Doc();
  author.getText('scratchpad').insert(0, text);
  const whole = Y.encodeStateAsUpdate(author);
  if (whole.at(-1) !== 0) throw new Error('expected an update without deletions');
  const e = encoding.createEncoder();
  encoding.writeUint8Array(e, whole.subarray(0, whole.length - 1));
  for (const n of [1, 777_777, 1, 0, 0]) encoding.writeVarUint(e, n); // one client, one range: clock 0, length 0
  return encoding.toUint8Array(e);
}

/** What a stock client holds, as one comparable picture: state vector and content. */
function picture(doc: Y.Doc) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return { state: [...Y.decodeStateVector(Y.encodeStateVector(copy))].sort(([a], [b]) => a - b), text: copy.getText('scratchpad').toString() };
}

async function joiner(api: Api, activityId: string) {
  const client = await connectClient(api, activityId, new Y.Doc());
  await synced(client);
  return client;
}

describe('updates Yjs would not take whole (SPEC U1, U9, D1)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Depot', question: 'Where do we open the depot?' }));
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('U1: what Yjs integrated before failing is logged and sent to everyone; the sender alone is closed with 4400; a joiner and a restart read what connected clients hold', async () => {
    const connected = await joiner(admin, activityId);
    clients.push(connected);
    connected.doc.getText('scratchpad').insert(0, 'Lyon; ');
    await waitFor(() => picture(connected.doc).text === 'Lyon; ');

    const sender = await openWithTicket(admin, activityId);
    sender.send(updateFrame(partlyApplicable('Nantes')));
    expect((await sender.closed).code).toBe(4400);
    await waitFor(() => relay.output().includes('partly applied'), 10_000, 'the relay to log the partial apply');

    // The connected client receives what the room integrated…
    await waitFor(() => picture(connected.doc).text.includes('Nantes'), 10_000, 'the integrated part to reach the connected client');
    const seen = picture(connected.doc);
    // …a newcomer reads exactly that…
    const fresh = await joiner(admin, activityId);
    expect(picture(fresh.doc)).toEqual(seen);
    fresh.destroy();
    // …and so does anyone after a crash: it was logged before it was sent (D1).
    await relay.kill9();
    relay = await relay.restart();
    const afterCrash = await joiner(admin, activityId);
    expect(picture(afterCrash.doc)).toEqual(seen);
    afterCrash.destroy();
  });

  it('U9: an embed nested 1,000 deep, or a format value over 64 KiB, closes its sender with 4400 and changes nothing', async () => {
    const watcher = await joiner(admin, activityId);
    clients.push(watcher);
    const before = picture(watcher.doc);
    let deep: object = { leaf: true };
    for (let i = 0; i < 1000; i++) deep = [deep];
    const hostile = [
      (doc: Y.Doc) => doc.getText('scratchpad').insertEmbed(0, deep),
      (doc: Y.Doc) => doc.getText('scratchpad').insert(0, 'x', { style: { css: 'y'.repeat(70_000) } }),
    ];
    for (const edit of hostile) {
      const author = new Y.Doc();
      edit(author);
      const sender = await openWithTicket(admin, activityId);
      sender.send(updateFrame(Y.encodeStateAsUpdate(author)));
      const closed = await sender.closed;
      expect(closed).toMatchObject({ code: 4400, reason: expect.stringMatching(/too deep|too large/) });
    }
    const fresh = await joiner(admin, activityId);
    expect(picture(fresh.doc)).toEqual(before);
    expect(picture(watcher.doc)).toEqual(before);
    fresh.destroy();
  });
});
