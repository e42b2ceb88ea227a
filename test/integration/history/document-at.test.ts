import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentAt, DocumentContent } from '#core/api/history';
import { addComment } from '#core/doc/comments';
import { documentContent } from '#core/doc/content';
import { addSwotItem, deleteSwotItem, editSwotItem } from '#core/doc/swot';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * SPEC H1, D6: the document at any past moment, as a client saw it then. Checkpoints and
 * snapshots are made small (a snapshot every 3 updates, a checkpoint kept every 5) so that moments fall before, on and
 * after them, and the relay is restarted part-way.
 */
describe('the document at a past moment (SPEC H1, D6)', () => {
  let relay: RelayProcess;
  let alice: Api;
  let bob: { id: string; api: Api };
  let alicesId: string;
  let activityId: string;
  const seen: { at: string; content: DocumentContent }[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_SNAPSHOT_EVERY: '3', CONCLAVE_CHECKPOINT_EVERY: '5' } });
    alice = await setUpOrganisation(relay.url);
    alicesId = (await alice.ok<{ id: string }>('GET', '/api/me')).id;
    bob = await addPerson(alice, 'Bob Martin');
    ({ id: activityId } = await alice.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Which site closes first?',
      question: 'Lyon or Nantes?',
    }));
    await alice.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  /** Waits until the other client holds what `writer` holds, then records the moment (the relay logged it before sending it on). */
  async function record(writer: SyncClient, reader: SyncClient) {
    const want = JSON.stringify(documentContent(writer.doc));
    await waitFor(() => JSON.stringify(documentContent(reader.doc)) === want, 10_000, 'the change to reach the other client');
    seen.push({ at: new Date().toISOString(), content: documentContent(reader.doc) });
    // The next change is logged strictly after this moment.
    await new Promise((r) => setTimeout(r, 5));
  }

  it('H1: each recorded moment is rebuilt as the other client saw it, across checkpoints and a restart', async () => {
    const before = new Date().toISOString();
    let a = await connectClient(alice, activityId);
    let b = await connectClient(bob.api, activityId);
    await Promise.all([synced(a), synced(b)]);
    await record(a, b);
    const asAlice = { id: alicesId, name: 'Alice Durand' };
    const asBob = { id: bob.id, name: 'Bob Martin' };
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const [writer, reader, who] = i % 2 === 0 ? [a, b, asAlice] : [b, a, asBob];
      const id = `item-${String(i).padStart(4, '0')}`;
      ids.push(id);
      addSwotItem(writer.doc, { id, quadrant: i % 3 === 0 ? 'strengths' : 'threats', text: `point ${i}`, author: who, at: new Date() });
      await record(writer, reader);
      if (i === 5) {
        // A restart: the rest is logged after a drain and a reload.
        a.destroy();
        b.destroy();
        relay = await (async () => {
          await relay.stop();
          return relay.restart();
        })();
        a = await connectClient(alice, activityId);
        b = await connectClient(bob.api, activityId);
        await Promise.all([synced(a), synced(b)]);
      }
    }
    editSwotItem(b.doc, ids[1]!, 'point 1, reworded', asBob, new Date());
    await record(b, a);
    deleteSwotItem(a.doc, ids[0]!);
    await record(a, b);
    addComment(b.doc, { id: 'comment-0001', author: asBob, at: new Date(), body: '{"root":{}}', text: 'Lyon first', mentions: [] });
    await record(b, a);
    a.destroy();
    b.destroy();

    for (const moment of seen) {
      const got = await alice.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(moment.at)}`);
      expect({ boards: got.boards, comments: got.comments, brief: got.brief }, `at ${moment.at}`).toEqual(moment.content);
      expect(got.exact).toBe(true);
      expect(got.at).toBe(moment.at);
    }
    // Moments fell on both sides of several checkpoints, and the log kept every update's data.
    const [stored] = await queryStore<{ checkpoints: number; folded: number }>(
      relay.dataDir,
      `SELECT (SELECT COUNT(*) FROM doc_past_snapshots WHERE activity_id = ?) AS checkpoints,
              (SELECT COUNT(*) FROM doc_updates WHERE activity_id = ? AND bytes IS NOT NULL) AS folded`,
      [activityId, activityId],
    );
    expect(stored!.checkpoints).toBeGreaterThanOrEqual(2);
    expect(stored!.folded).toBe(0);
    // Before the activity existed: nothing.
    const empty = await bob.api.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent('2020-01-01T00:00:00Z')}`);
    expect(empty).toMatchObject({ boards: [], comments: [], brief: '', asOf: null });
    expect(before < seen[0]!.at).toBe(true);
    // The deleted item is there at the moment before its deletion, gone after.
    const withFirst = seen.at(-3)!.content.boards[0]!.items.map((i) => i.id);
    expect(withFirst).toContain(ids[0]);
    expect(seen.at(-2)!.content.boards[0]!.items.map((i) => i.id)).not.toContain(ids[0]);
  });

  it('H1: a stranger is answered 404, a malformed moment 400, a viewer may read', async () => {
    const stranger = await addPerson(alice, 'Chloé Stranger');
    const at = encodeURIComponent(new Date().toISOString());
    expect((await stranger.api.call('GET', `/api/activities/${activityId}/document?at=${at}`)).status).toBe(404);
    expect((await alice.call('GET', `/api/activities/${activityId}/document?at=yesterday`)).status).toBe(400);
    expect((await alice.call('GET', `/api/activities/${activityId}/document`)).status).toBe(400);
    expect((await alice.call('GET', `/api/activities/${activityId}/document?at=${at}&x=1`)).status).toBe(400);
    const viewer = await addPerson(alice, 'Victor Viewer');
    await alice.ok('POST', `/api/activities/${activityId}/members`, { userId: viewer.id, role: 'viewer' });
    const got = await viewer.api.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${at}`);
    expect(got.comments.map((c) => c.id)).toEqual(['comment-0001']);
  });
});
