import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { insertion, sendUpdate } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

const limit = 200 * 1024;


describe('a full document stays recoverable (SPEC U4, U5, U6)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let ana: { id: string; api: Api };
  let ben: { id: string; api: Api };
  let watcher: SyncClient;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_MAX_DOCUMENT_BYTES: String(limit) } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Shared space',
      question: 'Can one person fill the board for everyone?',
    }));
    ana = await addPerson(admin, 'Ana Lopes');
    ben = await addPerson(admin, 'Ben Okafor');
    for (const p of [ana, ben]) {
      await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: p.id, role: 'contributor' });
    }
    watcher = await connectClient(admin, activityId, new Y.Doc());
    await synced(watcher);
  });

  afterAll(async () => {
    watcher.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const board = () => watcher.doc.getMap('board');

  it('U4: one contributor cannot take more than their share of the document; others still can', async () => {
    expect(await sendUpdate(ana.api, activityId, insertion('ana-1', 60_000))).toBeNull();
    const ana2 = await connectClient(ana.api, activityId, new Y.Doc());
    await synced(ana2);
    ana2.doc.getMap('board').set('ana-2', 'y'.repeat(60_000));
    await waitFor(() => ana2.closes.length > 0, 10_000, 'the refusal');
    expect(ana2.closes[0]!.code).toBe(4413);
    expect(ana2.denied[0]).toMatch(/^share-full/);
    ana2.destroy();

    expect(await sendUpdate(ben.api, activityId, insertion('ben-1', 60_000))).toBeNull();
    await waitFor(() => board().has('ben-1'), 5_000, "ben's entry");
    expect(board().has('ana-2')).toBe(false);
  });

  it('U6: when the document is full, a deletion still goes through, compaction frees the space, and edits resume', async () => {
    // Fill it to the last bytes, with ever smaller entries from the facilitator.
    let n = 0;
    for (const size of [20_000, 2_000, 200, 20]) {
      while ((await sendUpdate(admin, activityId, insertion(`fill-${n++}`, size))) === null);
    }
    expect(await sendUpdate(ben.api, activityId, insertion('ben-late', 10))).toBe(4413);

    // The facilitator empties the board: a deletion-only update, over the limit.
    const facilitator = await connectClient(admin, activityId, new Y.Doc());
    await synced(facilitator);
    const keys = [...facilitator.doc.getMap('board').keys()];
    expect(keys.length).toBeGreaterThan(5);
    facilitator.doc.getMap('board').clear();
    await waitFor(() => board().size === 0, 10_000, 'the deletion to reach others');
    expect(facilitator.closes).toEqual([]);

    // The relay re-encoded the document without the deleted content: room again.
    expect(await sendUpdate(ben.api, activityId, insertion('ben-after', 50_000))).toBeNull();
    await waitFor(() => board().has('ben-after'), 5_000, 'an edit after the clean-up');
    facilitator.destroy();
  });

  it('U5: an archived activity takes no edits on the socket, and says so', async () => {
    const editor = await connectClient(ben.api, activityId, new Y.Doc());
    await synced(editor);
    await admin.ok('PATCH', `/api/activities/${activityId}`, { status: 'archived' });
    editor.doc.getMap('board').set('after-archive', 'no');
    await waitFor(() => editor.denied.length > 0, 5_000, 'the refusal');
    expect(editor.denied[0]).toMatch(/^read-only: this activity is archived/);
    expect(await sendUpdate(admin, activityId, insertion('facilitator-after-archive', 10))).toBeNull();
    const fresh = await connectClient(admin, activityId, new Y.Doc());
    await synced(fresh);
    expect(fresh.doc.getMap('board').has('after-archive')).toBe(false);
    expect(fresh.doc.getMap('board').has('facilitator-after-archive')).toBe(false);
    fresh.destroy();
    editor.destroy();
  });
});
