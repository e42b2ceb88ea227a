import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import {
  awarenessFrame,
  bytesReceived,
  deepJson,
  nextFrame,
  queryAwareness,
  readAwarenessFrame,
  rssMb,
  stopReading,
  watchRss,
} from '../../support/hostile.ts';
import { openWithTicket } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

describe('awareness no client can abuse (SPEC L5, L6, A3, L4)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let viewer: Api;
  let mallory: Api;
  let activityId: string;
  const open: SyncClient[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess({
      env: {
        // This file attacks presence itself: the per-connection awareness budget (L8)
        // is lifted so that what is measured here is the rule each test names.
        CONCLAVE_AWARENESS_BYTES_PER_SECOND: '1000000000',
        CONCLAVE_MESSAGES_PER_SECOND: '100000',
        CONCLAVE_MESSAGE_BURST: '100000',
        CONCLAVE_MAX_BACKLOG_BYTES: String(1024 * 1024),
      },
    });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Warehouse move',
      question: 'Which site do we move the warehouse to?',
    }));
    const v = await addPerson(admin, 'Vera Viewer');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: v.id, role: 'viewer' });
    viewer = v.api;
    const m = await addPerson(admin, 'Mallory Member');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: m.id, role: 'contributor' });
    mallory = m.api;
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  async function editorAndPeer() {
    const editor = await connectClient(admin, activityId);
    const peer = await connectClient(admin, activityId, new Y.Doc());
    open.push(editor, peer);
    await Promise.all([synced(editor), synced(peer)]);
    return { editor, peer };
  }

  it("L5: a viewer's 930 KB awareness frame nested 4,100 deep closes that connection alone (4400); the relay stays up and others keep syncing", async () => {
    const { editor, peer } = await editorAndPeer();
    const json = deepJson(4100, 227);
    expect(json.length).toBeGreaterThan(900_000);
    const attacker = await openWithTicket(viewer, activityId);
    attacker.send(awarenessFrame([{ clientId: 424242, clock: 1, json }]));
    const closed = await attacker.closed;
    expect(closed.code).toBe(4400);
    expect(relay.child.exitCode).toBeNull();
    expect(relay.output()).not.toContain('Maximum call stack');

    editor.doc.getMap('methods').set('after-deep-frame', 'still live');
    await waitFor(() => peer.doc.getMap('methods').get('after-deep-frame') === 'still live', 10_000, 'edit after the attack');
    expect(peer.provider.awareness.getStates().has(424242)).toBe(false);
  });

  it('L5: a small state nested deeper than the limit closes with 4400 and names the fault', async () => {
    const attacker = await openWithTicket(mallory, activityId);
    attacker.send(awarenessFrame([{ clientId: 515151, clock: 1, json: deepJson(40) }]));
    const closed = await attacker.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/deep/);
  });

  it('L6: a state larger than CONCLAVE_MAX_AWARENESS_STATE_BYTES closes with 4400 and names the fault', async () => {
    const attacker = await openWithTicket(mallory, activityId);
    attacker.send(awarenessFrame([{ clientId: 616161, clock: 1, json: JSON.stringify({ cursor: 'x'.repeat(40_000) }) }]));
    const closed = await attacker.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/large/);
  });

  it("A3: a connection cannot write another client's presence, even with a huge clock; the victim's outlives the attacker", async () => {
    const victim = await connectClient(admin, activityId);
    const observer = await connectClient(viewer, activityId, new Y.Doc());
    open.push(victim, observer);
    await Promise.all([synced(victim), synced(observer)]);
    const victimId = victim.doc.clientID;
    victim.provider.awareness.setLocalStateField('editing', 'item-1');
    await waitFor(() => observer.provider.awareness.getStates().get(victimId)?.editing === 'item-1', 5_000, 'presence');

    // What the others are shown of the victim, change by change: a stock victim reclaims its
    // id with a higher clock at once, so only this shows a hijack the relay let through.
    const shown: unknown[] = [];
    const record = () => shown.push(observer.provider.awareness.getStates().get(victimId)?.editing);
    observer.provider.awareness.on('change', record);
    const attacker = await openWithTicket(mallory, activityId);
    const attackerId = 777_001;
    attacker.send(awarenessFrame([{ clientId: attackerId, clock: 1, json: '{"editing":"mine"}' }]));
    attacker.send(
      awarenessFrame([
        { clientId: victimId, clock: 2 ** 40, json: '{"editing":"hijacked"}' },
        { clientId: victimId + 1, clock: 2 ** 40, json: '{"editing":"another id"}' },
      ]),
    );
    // The relay answers a query after judging the frames before it: the first frame
    // naming the victim after them is a hijack's broadcast, or else the answer.
    const from = attacker.frames.length;
    attacker.send(queryAwareness);
    const answer = readAwarenessFrame(await nextFrame(attacker, (f) => readAwarenessFrame(f)?.has(victimId) ?? false, from));
    expect(answer?.get(victimId)?.state).toMatchObject({ editing: 'item-1' });

    // The victim's own next change still counts: its clock was not taken.
    victim.provider.awareness.setLocalStateField('editing', 'item-2');
    await waitFor(() => observer.provider.awareness.getStates().get(victimId)?.editing === 'item-2', 5_000, 'victim update');
    await waitFor(() => observer.provider.awareness.getStates().has(attackerId), 5_000, "attacker's own presence");

    // When the attacker leaves, its own presence goes and the victim's stays.
    attacker.socket.close();
    await waitFor(() => !observer.provider.awareness.getStates().has(attackerId), 5_000, "attacker's presence removed");
    expect(observer.provider.awareness.getStates().get(victimId)).toMatchObject({ editing: 'item-2' });
    observer.provider.awareness.off('change', record);
    expect(shown).not.toContain('hijacked');
  });

  it('A3: one connection speaks for at most 4 client ids; further ids are ignored', async () => {
    const observer = await connectClient(admin, activityId, new Y.Doc());
    open.push(observer);
    await synced(observer);
    const attacker = await openWithTicket(mallory, activityId);
    const ids = Array.from({ length: 10 }, (_, i) => 880_000 + i);
    attacker.send(awarenessFrame(ids.map((clientId) => ({ clientId, clock: 1, json: '{"editing":"spam"}' }))));
    await waitFor(() => observer.provider.awareness.getStates().has(ids[0]!), 5_000, 'first ids');
    const from = attacker.frames.length;
    attacker.send(queryAwareness);
    const answer = readAwarenessFrame(await nextFrame(attacker, (f) => f[0] === 1, from));
    expect(ids.filter((id) => answer?.has(id))).toEqual(ids.slice(0, 4));
    attacker.socket.close();
  });

  it('A4: a burst of presence states from one socket reaches the others as fewer frames, ending with the latest state', async () => {
    const observer = await openWithTicket(admin, activityId);
    const attacker = await openWithTicket(mallory, activityId);
    const clientId = 992_001;
    const burst = 500;
    const naming = () => observer.frames.map((f) => readAwarenessFrame(f)?.get(clientId)).filter((e) => e !== undefined);
    for (let clock = 1; clock <= burst; clock++) attacker.send(awarenessFrame([{ clientId, clock, json: `{"n":${clock}}` }]));
    await waitFor(() => naming().some((e) => e.clock === burst), 15_000, 'the last state');
    expect(naming().at(-1)?.state).toMatchObject({ n: burst });
    expect(naming().length).toBeLessThan(burst);
    attacker.socket.close();
    observer.socket.close();
  });

  it('L4: awareness sent to a peer that stops reading counts in its backlog: it is closed 1011 and the relay stays small', async () => {
    const attacker = await openWithTicket(viewer, activityId);
    let closeCode: number | null = null;
    void attacker.closed.then(({ code }) => (closeCode = code));
    const resume = stopReading(attacker.socket);
    const before = rssMb(relay.child.pid!);
    const watch = watchRss(relay.child.pid!);
    // Each state comes back to the sender too (the relay broadcasts presence to all),
    // so this one socket asks the relay to queue 4,000 × 15 kB = 60 MB for itself. The
    // states go a millisecond apart: the relay sends presence once per turn of its loop
    // (A4), and states read in one turn would come back as one.
    const state = JSON.stringify({ cursor: 'y'.repeat(15_000) });
    const states = 4000;
    for (let clock = 1; clock <= states && attacker.socket.readyState === attacker.socket.OPEN; clock++) {
      attacker.send(awarenessFrame([{ clientId: 990_001, clock, json: state }]));
      await new Promise((r) => setTimeout(r, 1));
    }
    // An honest pair still syncs meanwhile (and proves the relay judged the flood).
    const { editor, peer } = await editorAndPeer();
    editor.doc.getMap('methods').set('after-awareness-flood', 'yes');
    await waitFor(() => peer.doc.getMap('methods').get('after-awareness-flood') === 'yes', 30_000, 'edit after flood');
    const peak = watch.stop();
    resume();
    await waitFor(() => closeCode !== null || attacker.frames.length >= states, 60_000, 'the flood read back');
    expect(closeCode).toBe(1011);
    expect(bytesReceived(attacker)).toBeLessThan(20 * 1024 * 1024);
    expect(peak - before, `relay grew from ${before.toFixed(0)} MB to ${peak.toFixed(0)} MB`).toBeLessThan(50);
  });
});
