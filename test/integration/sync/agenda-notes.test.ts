import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaBoard, addAgendaDecision, addAgendaItem, readAgendaDecisions, readAgendaItems } from '#core/doc/agenda';
import { agendaNotesText, typeAgendaNotes } from '#core/doc/agenda-notes';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { oldShapeAgenda } from '../../support/old-agenda.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore, writeStatements } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

type Person = { id: string; name: string; api: Api };
const at = new Date('2026-12-06T09:00:00Z');
const me = (p: Person) => ({ id: p.id, name: p.name });
const itemsOf = (doc: Y.Doc, board: string) => (doc.getMap('methods').get(board) as Y.Map<Y.Map<Y.Map<unknown>>>).get('items')!;
const notesAt = (client: SyncClient, board: string) => readAgendaItems(client.doc, board)[0]?.notes;

/** Adds a row to the log with the relay stopped, as a relay from before would have written it. */
async function logUpdate(dataDir: string, activityId: string, userId: string, data: Uint8Array): Promise<void> {
  await writeStatements(dataDir, [
    { sql: 'INSERT INTO doc_updates (activity_id, user_id, at, data) VALUES (?, ?, ?, ?)', params: [activityId, userId, new Date().toISOString(), Buffer.from(data)] },
  ]);
}

/**
 * An agenda item's notes as shared text (SPEC W15, text fields) on a real relay with stock
 * y-websocket clients: two people typing at once both keep their words; crafted notes are
 * refused 4422 and stored nowhere; an agenda written before (plain-string notes, no
 * decisions map) is brought up to date by the relay when it loads the room, once.
 */
describe('agenda notes typed together on the real relay (SPEC W15)', () => {
  let relay: RelayProcess;
  let activityId: string;
  let fay: Person;
  let flo: Person;
  let cid: Person;
  let watcher: SyncClient;
  const open: SyncClient[] = [];

  const join = async (who: Person) => {
    const client = await connectClient(who.api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };

  async function refused(who: Person, change: (doc: Y.Doc) => void) {
    const client = await join(who);
    change(client.doc);
    await waitFor(() => client.closes.length > 0, 10_000, 'refusal W15');
    expect(client.denied.at(-1)).toMatch(/^refused: .*\(W15\)$/);
    expect(client.closes[0]!.code).toBe(4422);
  }

  beforeAll(async () => {
    relay = await startRelayProcess();
    const admin = await setUpOrganisation(relay.url);
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    fay = { id: self.id, name: self.name, api: admin };
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Weekly', question: 'What do we settle?', template: 'meeting' }));
    const c = await addPerson(admin, 'Cid Contributor');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: c.id, role: 'contributor' });
    cid = { ...c, name: 'Cid Contributor' };
    const f = await addPerson(admin, 'Flo Facilitator');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: f.id, role: 'facilitator' });
    flo = { ...f, name: 'Flo Facilitator' };
    watcher = await join(fay);
    addAgendaBoard(watcher.doc, 'board-agenda1', me(fay), at);
    addAgendaItem(watcher.doc, 'board-agenda1', { id: 'item-budget1', text: 'Budget', minutes: 10, author: me(fay), at });
    typeAgendaNotes(watcher.doc, 'board-agenda1', 'item-budget1', 'Numbers');
  }, 60_000);

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('two people typing in one item’s notes at the same moment both keep their words, and everyone reads the same', async () => {
    const [a, b] = [await join(fay), await join(cid)];
    await waitFor(() => notesAt(a, 'board-agenda1') === 'Numbers' && notesAt(b, 'board-agenda1') === 'Numbers', 10_000, 'the notes at both');
    // Neither has seen the other's change when typing: what the relay gets is concurrent.
    typeAgendaNotes(a.doc, 'board-agenda1', 'item-budget1', 'Numbers for March');
    typeAgendaNotes(b.doc, 'board-agenda1', 'item-budget1', 'Sales Numbers');
    const both = (c: SyncClient) => notesAt(c, 'board-agenda1') === 'Sales Numbers for March';
    await waitFor(() => both(a) && both(b) && both(watcher), 10_000, 'both words at everyone');
    const fresh = await join(flo);
    expect(notesAt(fresh, 'board-agenda1')).toBe('Sales Numbers for March');
    expect(a.closes.concat(b.closes)).toEqual([]);
  });

  it('crafted notes are refused 4422, facilitators’ too, reach no one and are stored nowhere: replaced, a string, formatted, past 4,000 characters, an item without its text', async () => {
    const seen: unknown[] = [];
    const onUpdate = (_u: Uint8Array, origin: unknown) => seen.push(origin);
    watcher.doc.on('update', onUpdate);
    const item = (d: Y.Doc) => itemsOf(d, 'board-agenda1').get('item-budget1')!;
    await refused(fay, (d) => item(d).set('notes', new Y.Text('Mine alone')));
    await refused(cid, (d) => item(d).set('notes', 'Plain'));
    await refused(cid, (d) => agendaNotesText(d, 'board-agenda1', 'item-budget1')!.insert(0, 'Bold', { bold: true }));
    await refused(cid, (d) => agendaNotesText(d, 'board-agenda1', 'item-budget1')!.insert(0, 'x'.repeat(4000)));
    await refused(cid, (d) => {
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id: 'item-hiring1', text: 'Hiring', minutes: 5, order: 'b0', authorId: cid.id, authorName: cid.name, createdAt: at.toISOString() })) map.set(k, v);
      itemsOf(d, 'board-agenda1').set('item-hiring1', map);
    });
    watcher.doc.off('update', onUpdate);
    expect(seen).toEqual([]);
    const fresh = await join(flo);
    expect(readAgendaItems(fresh.doc, 'board-agenda1').map((i) => [i.id, i.notes])).toEqual([['item-budget1', 'Sales Numbers for March']]);
    expect(agendaNotesText(fresh.doc, 'board-agenda1', 'item-budget1')!.toDelta()).toEqual([{ insert: 'Sales Numbers for March' }]);
  });

  it('an agenda from before (notes a plain string, no decisions kept) is read as it was, brought up to date once as the room loads; two people then type, and two facilitators record its first decision at once: all kept', async () => {
    // The log as a relay from before wrote it: an agenda whose item's notes are a plain string.
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(watcher.doc));
    const before = Y.encodeStateVector(scratch);
    oldShapeAgenda(scratch, 'board-agenda0', 'Old notes', me(fay));
    const old = Y.encodeStateAsUpdate(scratch, before);
    for (const c of open) c.destroy();
    open.length = 0;
    await relay.stop();
    await logUpdate(relay.dataDir, activityId, fay.id, old);
    relay = await relay.restart();
    const [a, b] = [await join(fay), await join(flo)];
    expect(notesAt(a, 'board-agenda0')).toBe('Old notes');
    expect(agendaNotesText(a.doc, 'board-agenda0', 'item-budget1')?.toString()).toBe('Old notes');
    typeAgendaNotes(a.doc, 'board-agenda0', 'item-budget1', 'Old notes, kept');
    typeAgendaNotes(b.doc, 'board-agenda0', 'item-budget1', 'Very Old notes');
    const decision = { itemId: 'item-budget1', status: 'decided' as const, at };
    addAgendaDecision(a.doc, 'board-agenda0', { ...decision, id: 'decision-fay1', text: 'Keep the budget', author: me(fay) });
    addAgendaDecision(b.doc, 'board-agenda0', { ...decision, id: 'decision-flo1', text: 'Review in June', author: me(flo) });
    const done = (c: SyncClient) => notesAt(c, 'board-agenda0') === 'Very Old notes, kept' && readAgendaDecisions(c.doc, 'board-agenda0').length === 2;
    await waitFor(() => done(a) && done(b), 10_000, 'both notes and both decisions at both');
    expect(a.closes.concat(b.closes)).toEqual([]);
    // Brought up to date once: loading the room again writes nothing more.
    const rows = async () => (await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ?', [activityId]))[0]!.n;
    for (const c of open) c.destroy();
    open.length = 0;
    await relay.stop();
    const logged = await rows();
    relay = await relay.restart();
    const fresh = await join(cid);
    expect(readAgendaDecisions(fresh.doc, 'board-agenda0').map((d) => d.id).sort()).toEqual(['decision-fay1', 'decision-flo1']);
    expect(notesAt(fresh, 'board-agenda0')).toBe('Very Old notes, kept');
    await relay.stop();
    expect(await rows()).toBe(logged);
    relay = await relay.restart();
  });
});
