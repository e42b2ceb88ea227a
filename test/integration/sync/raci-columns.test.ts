import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRaciBoard, addRaciColumn, addRaciTask, readRaciColumns, readRaciTasks, setRaciCell } from '#core/doc/raci';
import { Api, addPerson, setUpOrganisation } from '../../support/api.ts';
import { outsiderToken } from '../../support/outsider.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * A responsibility matrix's column for a person names a member of the activity (SPEC W15),
 * judged by the relay on a real room with stock y-websocket clients: the facilitator, who
 * alone writes columns (W5), is refused a column for someone of the organisation outside the
 * activity, another organisation's person, an id of no one, or a member removed since — 4422,
 * applied to nothing, reaching no one. A member removed after their column was made keeps it,
 * readable, with their letters; it can still be renamed or moved, not pointed at anyone new.
 */
const at = new Date('2026-12-06T09:00:00Z');
let relay: RelayProcess;
let admin: Api;
let activityId: string;
let fay: { id: string; name: string };
let cid: { id: string; api: Api };
let eve: { id: string };
let dan: { id: string };
let olga: { id: string };
const open: SyncClient[] = [];
const board = 'board-raci-01';

const join = async (api: Api) => {
  const client = await connectClient(api, activityId, new Y.Doc());
  open.push(client);
  await synced(client);
  return client;
};
const columnsOf = (doc: Y.Doc) => readRaciColumns(doc, board).map((c) => [c.label, c.personId ?? null]);
const column = (doc: Y.Doc, id: string) => ((doc.getMap('methods').get(board) as Y.Map<Y.Map<Y.Map<unknown>>>).get('columns')!).get(id)!;

/** The facilitator's change, from a fresh stock client: refused (W15), closed 4422, seen by no one. */
async function refused(change: (doc: Y.Doc) => void, watcher: SyncClient) {
  const seen: unknown[] = [];
  const listen = (_u: Uint8Array, origin: unknown) => seen.push(origin);
  watcher.doc.on('update', listen);
  const client = await join(admin);
  change(client.doc);
  await waitFor(() => client.closes.length > 0, 10_000, 'the refusal');
  expect(client.denied.at(-1)).toMatch(/^refused: "personId" names a member of this activity; the change was undone \(W15\)$/);
  expect(client.closes[0]!.code).toBe(4422);
  watcher.doc.off('update', listen);
  expect(seen).toEqual([]);
}

beforeAll(async () => {
  relay = await startRelayProcess();
  admin = await setUpOrganisation(relay.url);
  fay = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
  ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Move to Lyon', question: 'Who does what for the move?' }));
  const c = await addPerson(admin, 'Cid Contributor');
  cid = { id: c.id, api: c.api };
  eve = { id: (await addPerson(admin, 'Eve Leaving')).id };
  dan = { id: (await addPerson(admin, 'Dan Elsewhere')).id };
  for (const who of [cid.id, eve.id]) await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: who, role: 'contributor' });
  olga = { id: (await new Api(relay.url, await outsiderToken(relay.dataDir)).ok<{ id: string }>('GET', '/api/me')).id };
}, 120_000);

afterAll(async () => {
  for (const c of open) c.destroy();
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

describe('a responsibility matrix’s person columns (SPEC W15)', () => {
  it('a column names a member of the activity: not someone outside it, of another organisation, no one, nor a member removed since; a removed member’s column stays', async () => {
    const watcher = await join(admin);
    addRaciBoard(watcher.doc, board, fay, at);
    addRaciColumn(watcher.doc, board, 'column-cid01', 'Cid Contributor', cid.id);
    addRaciColumn(watcher.doc, board, 'column-eve01', 'Eve Leaving', eve.id);
    addRaciColumn(watcher.doc, board, 'column-legal', 'Legal');
    addRaciTask(watcher.doc, board, { id: 'task-lease01', text: 'Sign the lease', author: fay, at });
    setRaciCell(watcher.doc, board, 'task-lease01', 'column-eve01', 'R');
    const taken = [['Cid Contributor', cid.id], ['Eve Leaving', eve.id], ['Legal', null]];
    await waitFor(() => columnsOf(watcher.doc).length === 3, 10_000, 'the columns');
    const c = await join(cid.api);
    await waitFor(() => columnsOf(c.doc).length === 3, 10_000, 'the columns at a member');
    expect(columnsOf(c.doc)).toEqual(taken);

    // Someone of the organisation outside the activity, another organisation's person, an id of no one.
    await refused((d) => void addRaciColumn(d, board, 'column-dan01', 'Dan Elsewhere', dan.id), watcher);
    await refused((d) => void addRaciColumn(d, board, 'column-olga1', 'Olga Outsider', olga.id), watcher);
    await refused((d) => void addRaciColumn(d, board, 'column-nobody', 'Nobody', 'no-such-person'), watcher);
    // A role's column turned into someone's: the same judgement.
    await refused((d) => column(d, 'column-legal').set('personId', dan.id), watcher);

    // Eve leaves the activity: no new column may name her; hers stays, readable, and is still the facilitator's to rename or move.
    await admin.ok('DELETE', `/api/activities/${activityId}/members/users/${eve.id}`);
    await refused((d) => void addRaciColumn(d, board, 'column-eve02', 'Eve Leaving', eve.id), watcher);
    await refused((d) => column(d, 'column-legal').set('personId', eve.id), watcher);
    const f = await join(admin);
    column(f.doc, 'column-eve01').set('label', 'Eve (left)');
    await waitFor(() => columnsOf(c.doc)[1]?.[0] === 'Eve (left)', 10_000, 'the rename at a member');
    expect(f.closes).toEqual([]);

    // Dan joins: a column may name him now, from the same connection.
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: dan.id, role: 'viewer' });
    addRaciColumn(f.doc, board, 'column-dan02', 'Dan Elsewhere', dan.id);
    addRaciColumn(f.doc, board, 'column-fay01', fay.name, fay.id); // the facilitator is a member too
    await waitFor(() => columnsOf(c.doc).length === 5, 10_000, 'Dan’s and Fay’s columns at a member');
    expect(f.closes).toEqual([]);

    const fresh = await join(admin);
    expect(columnsOf(fresh.doc)).toEqual([['Cid Contributor', cid.id], ['Eve (left)', eve.id], ['Legal', null], ['Dan Elsewhere', dan.id], [fay.name, fay.id]]);
    expect(readRaciTasks(fresh.doc, board)[0]!.cells).toEqual({ 'column-eve01': 'R' });
  }, 120_000);
});
