import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { insertion, sendUpdate } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectApp, connectClient, reconnect, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

const entry = 20_000;

/**
 * The app sends every change the relay has not confirmed again on each connection (SPEC
 * W9); what the relay already holds costs nothing (U10), so a document, a share or a
 * daily quota near its limit does not shut a reconnecting client out, and a full
 * document can still be emptied by a client back from offline (U6).
 */
async function world(env: Record<string, string>) {
  const relay = await startRelayProcess({ env });
  const api = await setUpOrganisation(relay.url);
  const admin = { ...(await api.ok<{ id: string }>('GET', '/api/me')), api };
  const cid = await addPerson(api, 'Cid Contributor');
  return { relay, admin, cid, open: [] as SyncClient[] };
}

type World = Awaited<ReturnType<typeof world>>;

/** A new activity of the world, Cid a contributor in it, watched by the facilitator. */
async function activity(w: World, title: string) {
  const { id } = await w.admin.api.ok<{ id: string }>('POST', '/api/activities', { title, question: 'How full may it get?' });
  await w.admin.api.ok('POST', `/api/activities/${id}/members`, { userId: w.cid.id, role: 'contributor' });
  const watcher = await connectClient(w.admin.api, id, new Y.Doc());
  w.open.push(watcher);
  await synced(watcher);
  return { id, watcher, board: () => watcher.doc.getMap('board') };
}

type Activity = Awaited<ReturnType<typeof activity>>;

/** `count` changes of `entry` bytes each from an app client of `who`, taken live and not yet confirmed; then offline. */
async function heldChanges(w: World, a: Activity, who: { api: Api }, prefix: string, count: number) {
  const app = await connectApp(who.api, a.id);
  w.open.push(app.client);
  await synced(app.client);
  for (let i = 0; i < count; i++) app.client.doc.getMap('board').set(`${prefix}-${i}`, 'x'.repeat(entry));
  await waitFor(() => a.board().has(`${prefix}-${count - 1}`), 10_000, 'the changes');
  expect(app.client.closes).toEqual([]);
  expect(app.changes.size).toBeGreaterThan(0);
  app.client.provider.disconnect();
  return app;
}

/** Reconnects the app client: it sends its unconfirmed changes again; resolves once they are confirmed, or it was closed. */
async function comeBack(a: Activity, who: { api: Api }, app: Awaited<ReturnType<typeof heldChanges>>) {
  await reconnect(app.client, who.api, a.id);
  await waitFor(() => app.changes.size === 0 || app.client.closes.length > 0, 10_000, 'the relay to confirm the changes');
  return app.client;
}

/** `count` held changes sent again on a reconnect: taken, nothing logged again, nothing doubled. */
async function takenAgain(w: World, a: Activity, who: { api: Api }, prefix: string, count: number) {
  const app = await heldChanges(w, a, who, prefix, count);
  const before = await logged(w, a);
  const client = await comeBack(a, who, app);
  expect(client.closes).toEqual([]);
  expect(await logged(w, a)).toBe(before);
  expect([...a.board().keys()].sort()).toEqual(Array.from({ length: count }, (_, i) => `${prefix}-${i}`));
}

/** Updates the store logged for the activity. */
const logged = async (w: World, a: Activity) =>
  (await queryStore<{ n: number }>(w.relay.dataDir, 'SELECT count(*) AS n FROM doc_updates WHERE activity_id = ?', [a.id]))[0]!.n;

const close = async (w: World) => {
  for (const c of w.open) c.destroy();
  await w.relay.stop();
  await removeDataDir(w.relay.dataDir);
};

describe('a reconnect is judged on what is new (SPEC U10, W9, U4, L4, U6)', () => {
  let w: World;
  // Shares are half the document: 100,000 bytes.
  beforeAll(async () => (w = await world({ CONCLAVE_MAX_DOCUMENT_BYTES: '200000' })));
  afterAll(() => close(w));

  it('U10, U4: a contributor whose share is nearly full reconnects with changes the relay holds: taken, nothing logged twice; new content past the share is still refused', async () => {
    const a = await activity(w, 'Nearly full share');
    await takenAgain(w, a, w.cid, 'cid', 4);
    expect(await sendUpdate(w.cid.api, a.id, insertion('cid-new', entry))).toBe(4413);
  });

  it('U10, L4, U6: a facilitator back from offline with the document nearly full empties it; new content past the limit is still refused', async () => {
    const a = await activity(w, 'Nearly full document');
    const app = await heldChanges(w, a, w.admin, 'fay', 9);
    expect(await sendUpdate(w.admin.api, a.id, insertion('fay-new', entry))).toBe(4413);

    app.client.doc.getMap('board').clear();
    const before = await logged(w, a);
    const client = await comeBack(a, w.admin, app);
    expect(client.closes).toEqual([]);
    await waitFor(() => a.board().size === 0, 5_000, 'the board emptied');
    expect(await logged(w, a)).toBe(before + 1);
  });
});

describe('a reconnect is judged on what is new: daily quota (SPEC U10, W9, U7)', () => {
  let w: World;
  beforeAll(async () => (w = await world({ CONCLAVE_PERSON_BYTES_PER_DAY: '130000' })));
  afterAll(() => close(w));

  it("U10, U7: a person near today's quota reconnects with changes the relay holds: taken; new content past the quota is still refused", async () => {
    const a = await activity(w, 'Busy day');
    await takenAgain(w, a, w.cid, 'cid', 6);
    expect(await sendUpdate(w.cid.api, a.id, insertion('cid-new', entry))).toBe(4429);
  });
});
