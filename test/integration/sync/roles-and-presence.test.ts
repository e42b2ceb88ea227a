import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

describe('viewers and presence (SPEC V1, V2, A1, A2)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let viewer: { id: string; api: Api };
  const open: SyncClient[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Opening hours',
      question: 'Should the Lyon store open on Sundays?',
    }));
    viewer = await addPerson(admin, 'Victor Viewer');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: viewer.id, role: 'viewer' });
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it("V1: a viewer's write reaches no one and is not stored; the viewer is told", async () => {
    const editor = await connectClient(admin, activityId);
    const watcher = await connectClient(viewer.api, activityId);
    open.push(editor, watcher);
    await Promise.all([synced(editor), synced(watcher)]);

    watcher.doc.getMap('methods').set('forged', 'by the viewer');
    await waitFor(() => watcher.denied.length > 0, 5_000, 'permission-denied');
    expect(watcher.denied[0]).toMatch(/^read-only/);

    // The viewer still receives everyone else's edits.
    editor.doc.getMap('methods').set('real', 'by the facilitator');
    await waitFor(() => watcher.doc.getMap('methods').get('real') === 'by the facilitator');
    expect(editor.doc.getMap('methods').has('forged')).toBe(false);

    // A fresh reader sees the stored document: the viewer's write is not in it.
    const fresh = await connectClient(admin, activityId, new Y.Doc());
    open.push(fresh);
    await synced(fresh);
    await waitFor(() => fresh.doc.getMap('methods').get('real') === 'by the facilitator');
    expect(fresh.doc.getMap('methods').has('forged')).toBe(false);

    // And after a restart of the relay, from the store alone.
    await relay.stop();
    relay = await relay.restart();
    const afterRestart = await connectClient(admin, activityId, new Y.Doc());
    open.push(afterRestart);
    await synced(afterRestart);
    expect(afterRestart.doc.getMap('methods').get('real')).toBe('by the facilitator');
    expect(afterRestart.doc.getMap('methods').has('forged')).toBe(false);
  });

  it('V2: a viewer promoted to contributor can edit on the same connection', async () => {
    const promoted = await connectClient(viewer.api, activityId);
    const peer = await connectClient(admin, activityId);
    open.push(promoted, peer);
    await Promise.all([synced(promoted), synced(peer)]);
    await admin.ok('PATCH', `/api/activities/${activityId}/members/users/${viewer.id}`, { role: 'contributor' });
    // The API answers once live connections are judged again: the next frame counts.
    promoted.doc.getText('notes').insert(0, 'after-promotion');
    await waitFor(() => peer.doc.getText('notes').toString().includes('after-promotion'), 5_000, 'promoted write');
  });

  it('A1/A2: presence names the authenticated person, and leaves with the connection', async () => {
    const bob = await addPerson(admin, 'Bob Martin');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    const liar = await connectClient(bob.api, activityId);
    const observer = await connectClient(admin, activityId);
    open.push(observer);
    await Promise.all([synced(liar), synced(observer)]);
    liar.provider.awareness.setLocalStateField('user', { id: 'someone-else', name: 'The CEO', color: '#c33' });
    liar.provider.awareness.setLocalStateField('editing', 'item-42');

    const liarId = liar.doc.clientID;
    await waitFor(() => observer.provider.awareness.getStates().get(liarId)?.editing === 'item-42', 5_000, 'presence');
    const seen = observer.provider.awareness.getStates().get(liarId) as { user: { id: string; name: string; color: string } };
    expect(seen.user).toMatchObject({ id: bob.id, name: 'Bob Martin', color: '#c33' });

    liar.destroy();
    await waitFor(() => !observer.provider.awareness.getStates().has(liarId), 5_000, 'presence removed');
  });
});
