import { strFromU8, unzipSync } from 'fflate';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyActions } from '#core/api/action-items';
import { addActionItem, assignActionItem, readAllActionItems, setActionStatus } from '#core/doc/action-items';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * Action items on a real relay with stock y-websocket clients (issue 17): `POST
 * /api/activities/:id/actions` writes through the live document (seen by a connected
 * client), refusals change nothing, and `GET /api/me/actions` lists the caller's open items
 * only, in activities they may see now — kept by the relay's index as the document changes.
 */
let relay: RelayProcess;
let admin: Api;
beforeAll(async () => {
  relay = await startRelayProcess();
  admin = await setUpOrganisation(relay.url);
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

/** Asks again until `read` gives what `done` wants, at most 200 times (no timing is asserted). */
async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

const mine = async (api: Api) => (await api.ok<MyActions>('GET', '/api/me/actions')).actions.map((a) => [a.activityTitle, a.title, a.due, a.status]);
const rows = (activityId: string) => queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM action_items WHERE activity_id = ?', [activityId]);

describe('action items through the API and the live document', () => {
  it('creates an item in the live document for a member; lists only the owner’s open items in activities they may see', async () => {
    const fay = await addPerson(admin, 'Fay Facile');
    const bob = await addPerson(admin, 'Bob Bonnet');
    const vera = await addPerson(admin, 'Vera Vue');
    const eve = await addPerson(admin, 'Eve Partie');
    const dan = await addPerson(admin, 'Dan Dehors');
    const { id: activityId } = await fay.api.ok<{ id: string }>('POST', '/api/activities', { title: 'New warehouse', question: 'Where do we build it?' });
    for (const [who, role] of [
      [bob, 'contributor'],
      [vera, 'viewer'],
      [eve, 'contributor'],
    ] as const) {
      await fay.api.ok('POST', `/api/activities/${activityId}/members`, { userId: who.id, role });
    }
    const client = await connectClient(bob.api, activityId);
    try {
      const { id } = await fay.api.ok<{ id: string }>('POST', `/api/activities/${activityId}/actions`, { title: 'Visit the Lyon site', ownerId: bob.id, due: '2026-12-10' });
      // Seen live by Bob's stock client, written as Fay's change.
      const seen = await until(() => readAllActionItems(client.doc), (items) => items.length === 1);
      expect(seen.map((i) => [i.id, i.title, i.ownerId, i.ownerName, i.due, i.status, i.authorId])).toEqual([[id, 'Visit the Lyon site', bob.id, 'Bob Bonnet', '2026-12-10', 'todo', fay.id]]);

      // Refusals are clear and change nothing.
      const refused = async (api: Api, body: unknown) => (await api.call<{ error: { code: string; message: string } }>('POST', `/api/activities/${activityId}/actions`, body));
      const notMember = await refused(fay.api, { title: 'Call', ownerId: dan.id, due: '2026-12-10' });
      expect([notMember.status, notMember.body.error.code, notMember.body.error.message]).toEqual([400, 'validation_failed', 'ownerId: the owner must be a member of this activity.']);
      expect((await refused(fay.api, { title: 'Call', ownerId: bob.id, due: '2026-02-30' })).status).toBe(400);
      expect((await refused(fay.api, { title: 'Call', ownerId: bob.id, due: '2026-12-10T10:00:00Z' })).status).toBe(400);
      expect((await refused(fay.api, { title: '  ', ownerId: bob.id, due: '2026-12-10' })).status).toBe(400);
      expect((await refused(fay.api, { title: 'Call', ownerId: bob.id, due: '2026-12-10', priority: 'high' })).status).toBe(400);
      expect((await refused(vera.api, { title: 'Call', ownerId: vera.id, due: '2026-12-10' })).status).toBe(403);
      expect((await refused(dan.api, { title: 'Call', ownerId: dan.id, due: '2026-12-10' })).status).toBe(404);
      expect((await refused(new (admin.constructor as typeof Api)(relay.url), { title: 'Call', ownerId: bob.id, due: '2026-12-10' })).status).toBe(401);
      expect(await rows(activityId)).toEqual([{ n: 1 }]);

      // A contributor (Bob) adds one for Eve; any member may own one, a viewer included.
      await bob.api.ok('POST', `/api/activities/${activityId}/actions`, { title: 'Ask the bank', ownerId: eve.id, due: '2026-12-08', source: 'decision' });
      await fay.api.ok('POST', `/api/activities/${activityId}/actions`, { title: 'Read the lease', ownerId: vera.id, due: '2026-12-09' });
      expect(await mine(bob.api)).toEqual([['New warehouse', 'Visit the Lyon site', '2026-12-10', 'todo']]);
      expect(await mine(eve.api)).toEqual([['New warehouse', 'Ask the bank', '2026-12-08', 'todo']]);
      expect(await mine(vera.api)).toEqual([['New warehouse', 'Read the lease', '2026-12-09', 'todo']]);
      expect(await mine(fay.api)).toEqual([]);
      // A stranger sees nothing; a removed member no longer sees theirs.
      expect(await mine(dan.api)).toEqual([]);
      await fay.api.ok('DELETE', `/api/activities/${activityId}/members/users/${eve.id}`);
      expect(await mine(eve.api)).toEqual([]);

      // Bob marks his done in the app (the live document): the relay's index follows, and his list empties.
      setActionStatus(client.doc, seen[0]!.boardId, id, 'doing', { id: bob.id, name: 'Bob Bonnet' }, new Date());
      expect(await until(() => mine(bob.api), (l) => l[0]?.[3] === 'doing')).toEqual([['New warehouse', 'Visit the Lyon site', '2026-12-10', 'doing']]);
      setActionStatus(client.doc, seen[0]!.boardId, id, 'done', { id: bob.id, name: 'Bob Bonnet' }, new Date());
      expect(await until(() => mine(bob.api), (l) => l.length === 0)).toEqual([]);
      // Overdue for the facilitator: open items past the day; contributors are refused.
      const overdue = await fay.api.ok<{ actions: { title: string; ownerName: string }[] }>('GET', `/api/activities/${activityId}/actions/overdue?today=2026-12-09`);
      expect(overdue.actions.map((a) => [a.title, a.ownerName])).toEqual([['Ask the bank', 'Eve Partie']]);
      expect((await bob.api.call('GET', `/api/activities/${activityId}/actions/overdue`)).status).toBe(403);
      expect(client.closes).toEqual([]);
    } finally {
      client.destroy();
    }
  }, 120_000);

  it('a contributor’s stock client gives an item only to a member of the activity, under that member’s name (SPEC W15): else 4422, stored nowhere', async () => {
    const fay = await addPerson(admin, 'Fay Owner');
    const bob = await addPerson(admin, 'Bob Owner');
    const cat = await addPerson(admin, 'Cat Owner');
    const dan = await addPerson(admin, 'Dan Outsider');
    const { id: activityId } = await fay.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Stocktake', question: 'When do we count?' });
    for (const who of [bob, cat]) await fay.api.ok('POST', `/api/activities/${activityId}/members`, { userId: who.id, role: 'contributor' });
    await fay.api.ok('POST', `/api/activities/${activityId}/actions`, { title: 'Print the sheets', ownerId: bob.id, due: '2026-12-10' });
    const at = new Date('2026-12-06T09:00:00Z');
    const asBob = { id: bob.id, name: 'Bob Owner' };
    const opened: SyncClient[] = [];
    const join = async (api = bob.api) => {
      const client = await connectClient(api, activityId);
      opened.push(client);
      await synced(client);
      return { client, item: readAllActionItems(client.doc)[0]! };
    };
    const state = () => queryStore(relay.dataDir, 'SELECT item_id, owner_id, title FROM action_items WHERE activity_id = ? ORDER BY item_id', [activityId]);
    try {
      const before = await state();
      const refused = async (change: (doc: Y.Doc, boardId: string, itemId: string) => void, api = bob.api) => {
        const { client, item } = await join(api);
        change(client.doc, item.boardId, item.id);
        await waitFor(() => client.closes.length > 0, 10_000, 'refusal');
        expect(client.denied.at(-1)).toMatch(/\(W15\)$/);
        expect(client.closes[0]!.code).toBe(4422);
      };
      // Someone of the organisation who is not in the activity, a made-up id, or a member under another's name.
      await refused((doc, board) => void addActionItem(doc, board, { id: 'action-dan0001', title: 'Count the shelves', owner: { id: dan.id, name: 'Dan Outsider' }, due: '2026-12-11', author: asBob, at }));
      await refused((doc, board) => void addActionItem(doc, board, { id: 'action-nobody1', title: 'Count the shelves', owner: { id: 'nobody-at-all', name: 'Nobody' }, due: '2026-12-11', author: asBob, at }));
      await refused((doc, board) => void addActionItem(doc, board, { id: 'action-cat0001', title: 'Count the shelves', owner: { id: cat.id, name: 'Fay Owner' }, due: '2026-12-11', author: asBob, at }));
      // Giving an item to someone outside: not even a facilitator.
      const asFay = { id: fay.id, name: 'Fay Owner' };
      await refused((doc, board, item) => void assignActionItem(doc, board, item, { owner: { id: dan.id, name: 'Dan Outsider' }, due: '2026-12-12' }, asFay, at), fay.api);
      const fresh = await connectClient(fay.api, activityId);
      opened.push(fresh);
      await synced(fresh);
      expect(readAllActionItems(fresh.doc).map((i) => [i.title, i.ownerId])).toEqual([['Print the sheets', bob.id]]);
      expect(await state()).toEqual(before);
      // A member under their own name is taken.
      const { client, item } = await join();
      addActionItem(client.doc, item.boardId, { id: 'action-cat0002', title: 'Count the shelves', owner: { id: cat.id, name: 'Cat Owner' }, due: '2026-12-11', author: asBob, at });
      expect(await until(() => mine(cat.api), (l) => l.length === 1)).toEqual([['Stocktake', 'Count the shelves', '2026-12-11', 'todo']]);
      expect(client.closes).toEqual([]);
      // Dan made a member while the room is live: he may be given an item at once, by the same connection.
      await fay.api.ok('POST', `/api/activities/${activityId}/members`, { userId: dan.id, role: 'viewer' });
      addActionItem(client.doc, item.boardId, { id: 'action-dan0002', title: 'Count the till', owner: { id: dan.id, name: 'Dan Outsider' }, due: '2026-12-12', author: asBob, at });
      expect(await until(() => mine(dan.api), (l) => l.length === 1)).toEqual([['Stocktake', 'Count the till', '2026-12-12', 'todo']]);
      expect(client.closes).toEqual([]);
    } finally {
      for (const c of opened) c.destroy();
    }
  }, 120_000);

  it('keeps the index as the document changes: a removed item or board loses its rows', async () => {
    const fay = await addPerson(admin, 'Fay Second');
    const { id: activityId } = await fay.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen', question: 'Which caterer?' });
    const client = await connectClient(fay.api, activityId);
    try {
      for (const title of ['One', 'Two', 'Three']) await fay.api.ok('POST', `/api/activities/${activityId}/actions`, { title, ownerId: fay.id, due: '2026-12-20' });
      const items = await until(() => readAllActionItems(client.doc), (l) => l.length === 3);
      expect(await rows(activityId)).toEqual([{ n: 3 }]);
      const board = client.doc.getMap('methods').get(items[0]!.boardId) as Y.Map<Y.Map<unknown>>;
      (board.get('items') as Y.Map<unknown>).delete(items[0]!.id);
      expect(await until(() => rows(activityId), (r) => r[0]!.n === 2)).toEqual([{ n: 2 }]);
      client.doc.getMap('methods').delete(items[0]!.boardId);
      expect(await until(() => rows(activityId), (r) => r[0]!.n === 0)).toEqual([{ n: 0 }]);
      expect(await mine(fay.api)).toEqual([]);
    } finally {
      client.destroy();
    }
  }, 120_000);

  it('the decision record lists the activity’s action items, in the app and in its Markdown export', async () => {
    const fay = await addPerson(admin, 'Fay Third');
    const bob = await addPerson(admin, 'Bob Third');
    const { id: activityId } = await fay.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Next store', question: 'Where do we open?' });
    await fay.api.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    await fay.api.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'We open in Lyon.', rationale: 'Best on cost.' });
    await fay.api.ok('POST', `/api/activities/${activityId}/actions`, { title: 'Sign the lease', ownerId: bob.id, due: '2026-12-10', source: 'decision' });
    const record = await bob.api.ok<{ actions: { title: string; ownerName: string; due: string; status: string; fromDecision: boolean }[] }>('GET', `/api/activities/${activityId}/decision`);
    expect(record.actions.map((a) => [a.title, a.ownerName, a.due, a.status, a.fromDecision])).toEqual([['Sign the lease', 'Bob Third', '2026-12-10', 'todo', true]]);
    const md = await (await fetch(`${relay.url}/api/activities/${activityId}/decision/export.md`, { headers: { authorization: `Bearer ${bob.api.token}`, 'accept-language': 'en' } })).text();
    expect(md).toContain('## Action items\n\n- Sign the lease: Bob Third, due December 10, 2026 (to do)');
    expect(await mine(bob.api)).toEqual([['Next store', 'Sign the lease', '2026-12-10', 'todo']]);
    // As CSV in the activity's archive, one row per item of the board.
    const zip = unzipSync(new Uint8Array(await (await fetch(`${relay.url}/api/activities/${activityId}/archive.zip`, { headers: { authorization: `Bearer ${bob.api.token}` } })).arrayBuffer()));
    const csvName = Object.keys(zip).find((name) => /^boards\/\d+-action-items\.csv$/.test(name));
    const csv = strFromU8(zip[csvName ?? '']!).split(/\r?\n/);
    expect(csv[0]).toContain('title');
    expect(csv.filter((line) => line.includes('Sign the lease') && line.includes('2026-12-10') && line.includes(bob.id) && line.includes('decision'))).toHaveLength(1);
  }, 120_000);
});
