import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { judgeUpdate, type DocumentView, type SenderView, type UpdateLimits } from '../../../../server/sync/judge.ts';
import { scanUpdate } from '../../../../server/sync/update-scan.ts';

const limits: UpdateLimits = {
  maxDocumentBytes: 10_000,
  maxDocumentItems: 1_000,
  maxShareBytes: 5_000,
  personBytesPerDay: 20_000,
  activityBytesPerDay: 40_000,
  clients: { newClientsPerDay: 3, maxClientsPerPerson: 5, maxDocumentClients: 8 },
  maxDeleteSetBytes: 1_000,
  maxDeleteSetShareBytes: 500,
};
const sender: SenderView = { id: 'u-sender', role: 'contributor', shareBytes: 0, personDayBytes: 0, activityDayBytes: 0, diskLow: false, clients: { today: 0, total: 0 } };

/** The room document as the judge sees it; the client ids in `owners` belong to those people. */
function viewOf(doc: Y.Doc, over: Partial<DocumentView> = {}, owners = new Map<number, string>()): DocumentView {
  return { state: (c) => Y.getState(doc.store, c), owner: (c) => owners.get(c), bytes: 0, items: 0, clients: 0, archived: false, ...over };
}

/** An update holding only a collected range (a placeholder) of `client`'s clocks `from`..`from + length`. */
function placeholders(client: number, from: number, length: number): Uint8Array {
  const doc = new Y.Doc();
  doc.store.clients.set(client, [new Y.GC(Y.createID(client, from), length)]);
  return Y.encodeStateAsUpdate(doc);
}

/** A room document, and a client that has it and edits it. */
function setting() {
  const room = new Y.Doc();
  room.getText('notes').insert(0, 'shared text');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  return { room, client, updates };
}

const rule = (v: ReturnType<typeof judgeUpdate>) => (v.accept ? 'accept' : v.refusal.rule);

describe('judgeUpdate (SPEC U2, U4–U8, U10, L4, V1, W10)', () => {
  it('accepts an edit whose every dependency the document holds', () => {
    const { room, client, updates } = setting();
    client.getText('notes').insert(6, 'and more ');
    expect(rule(judgeUpdate(scanUpdate(updates[0]!, 100), viewOf(room), sender, limits))).toBe('accept');
  });

  it('U2: refuses an update that builds on one the document never received', () => {
    const { room, client, updates } = setting();
    client.getText('notes').insert(0, 'first ');
    client.getText('notes').insert(0, 'second ');
    expect(rule(judgeUpdate(scanUpdate(updates[1]!, 100), viewOf(room), sender, limits))).toBe('U2');
    // A deletion of what the document does not hold yet is refused alike.
    const other = new Y.Doc();
    other.getText('notes').insert(0, 'elsewhere');
    const deletion: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => deletion.push(u));
    other.getText('notes').delete(0, 4);
    expect(rule(judgeUpdate(scanUpdate(deletion[0]!, 100), viewOf(room), sender, limits))).toBe('U2');
  });

  it('V1, U5: viewers and archived activities are read-only', () => {
    const { room, client, updates } = setting();
    client.getText('notes').insert(0, 'x');
    const facts = scanUpdate(updates[0]!, 100);
    expect(rule(judgeUpdate(facts, viewOf(room), { ...sender, role: 'viewer' }, limits))).toBe('V1');
    expect(rule(judgeUpdate(facts, viewOf(room, { archived: true }), sender, limits))).toBe('U5');
  });

  it('L4, U4, U6: a deletion passes every size limit; an insertion does not', () => {
    const { room, client, updates } = setting();
    client.getText('notes').delete(0, 7);
    client.getText('notes').insert(0, 'x');
    const [deletion, insertion] = updates.map((u) => scanUpdate(u, 100));
    const full = viewOf(room, { bytes: 10_000 });
    const over = { ...sender, shareBytes: 5_000, personDayBytes: 20_000, diskLow: true };
    expect(rule(judgeUpdate(deletion!, full, over, limits))).toBe('accept');
    expect(rule(judgeUpdate(insertion!, full, sender, limits))).toBe('L4');
    expect(rule(judgeUpdate(insertion!, viewOf(room, { items: 1_000 }), sender, limits))).toBe('L4');
    expect(rule(judgeUpdate(insertion!, viewOf(room), { ...sender, shareBytes: 5_000 }, limits))).toBe('U4');
    expect(rule(judgeUpdate(insertion!, viewOf(room), { ...sender, role: 'facilitator', shareBytes: 5_000 }, limits))).toBe('accept');
  });

  it("W10: an update takes the next clocks only of the sender's clients, or of clients the document never saw", () => {
    const { room, client, updates } = setting();
    client.getText('notes').insert(0, 'mine ');
    const facts = scanUpdate(updates[0]!, 100);
    const own = new Map([[client.clientID, sender.id]]);
    const others = new Map([[client.clientID, 'u-other']]);
    expect(judgeUpdate(facts, viewOf(room, {}, own), sender, limits)).toEqual({ accept: true, writes: [client.clientID] });
    // Never seen: it becomes the sender's (the room records it from `writes`).
    expect(judgeUpdate(facts, viewOf(room), sender, limits)).toEqual({ accept: true, writes: [client.clientID] });
    expect(rule(judgeUpdate(facts, viewOf(room, {}, others), sender, limits))).toBe('W10');
    expect(rule(judgeUpdate(facts, viewOf(room, {}, others), { ...sender, role: 'facilitator' }, limits))).toBe('W10');

    // Placeholders over another person's next clocks: what would make every peer drop their edits there.
    const seen = room.clientID;
    const next = Y.getState(room.store, seen);
    const refusal = judgeUpdate(scanUpdate(placeholders(seen, next, 10), 100), viewOf(room, {}, new Map([[seen, 'u-other']])), sender, limits);
    expect(refusal).toMatchObject({ accept: false, refusal: { rule: 'W10', close: { code: 4422 } } });
    expect(!refusal.accept && refusal.refusal.told).toMatch(/^refused: .*\(W10\)$/);
    // A client the document holds that nobody owns (the relay's own, e.g. the seed) is nobody's to extend.
    expect(rule(judgeUpdate(scanUpdate(placeholders(seen, next, 10), 100), viewOf(room), sender, limits))).toBe('W10');
    // The sender's own: taken (the app's rollback fills a refused change's clocks so).
    expect(rule(judgeUpdate(scanUpdate(placeholders(seen, next, 10), 100), viewOf(room, {}, new Map([[seen, sender.id]])), sender, limits))).toBe('accept');
  });

  it('L4, U4: placeholders count against the size limits like any insertion', () => {
    const { room } = setting();
    const facts = scanUpdate(placeholders(424242, 0, 1_000_000), 100);
    expect(rule(judgeUpdate(facts, viewOf(room, { bytes: 10_000 }), sender, limits))).toBe('L4');
    expect(rule(judgeUpdate(facts, viewOf(room, { items: 1_000 }), sender, limits))).toBe('L4');
    expect(rule(judgeUpdate(facts, viewOf(room), { ...sender, shareBytes: 5_000 }, limits))).toBe('U4');
    expect(rule(judgeUpdate(facts, viewOf(room), { ...sender, personDayBytes: 20_000 }, limits))).toBe('U7');
  });

  it('U10, U4, U6, U7, L4: what the document holds already costs nothing; of an update partly held, only the new part counts', () => {
    const { room, client, updates } = setting();
    const held = (c: number) => Y.getState(room.store, c);
    const own = new Map([[client.clientID, sender.id]]);
    client.getText('notes').insert(0, 'x'.repeat(3_000));
    Y.applyUpdate(room, updates[0]!);
    // Sent again on a reconnect (W9) to a document, a share and a quota at their limits: a no-op, taken.
    const full = viewOf(room, { bytes: 10_000, items: 1_000 }, own);
    const spent = { ...sender, shareBytes: 5_000, personDayBytes: 20_000, activityDayBytes: 40_000, diskLow: true };
    expect(judgeUpdate(scanUpdate(updates[0]!, 100, held), full, spent, limits)).toEqual({ accept: true, writes: [] });

    // The client's whole state (the room's text, the held edit, a new one of 3,000): only the new one counts.
    client.getText('notes').insert(0, 'y'.repeat(3_000));
    const both = scanUpdate(Y.encodeStateAsUpdate(client), 100, held);
    expect(both.bytes).toBeGreaterThan(6_000);
    expect(both.fresh).toEqual({ structs: 1, bytes: expect.any(Number) });
    expect(both.fresh.bytes).toBeLessThan(3_100);
    expect(rule(judgeUpdate(both, viewOf(room, { bytes: 6_000 }, own), sender, limits))).toBe('accept');
    expect(rule(judgeUpdate(both, viewOf(room, { bytes: 7_500 }, own), sender, limits))).toBe('L4');
    expect(rule(judgeUpdate(both, viewOf(room, { items: 999 }, own), sender, limits))).toBe('accept');
    expect(rule(judgeUpdate(both, viewOf(room, {}, own), { ...sender, shareBytes: 1_500 }, limits))).toBe('accept');
    expect(rule(judgeUpdate(both, viewOf(room, {}, own), { ...sender, shareBytes: 2_500 }, limits))).toBe('U4');
    expect(rule(judgeUpdate(both, viewOf(room, {}, own), { ...sender, personDayBytes: 16_000 }, limits))).toBe('accept');
    expect(rule(judgeUpdate(both, viewOf(room, {}, own), { ...sender, personDayBytes: 17_000 }, limits))).toBe('U7');
  });

  it('U7, U8: daily quotas and a low disk refuse insertions', () => {
    const { room, client, updates } = setting();
    client.getText('notes').insert(0, 'x');
    const facts = scanUpdate(updates[0]!, 100);
    expect(rule(judgeUpdate(facts, viewOf(room), { ...sender, personDayBytes: 20_000 }, limits))).toBe('U7');
    expect(rule(judgeUpdate(facts, viewOf(room), { ...sender, activityDayBytes: 40_000 }, limits))).toBe('U7');
    expect(rule(judgeUpdate(facts, viewOf(room), { ...sender, diskLow: true }, limits))).toBe('U8');
  });

  it('W14, L9: new client ids are capped per person (a day, in all) and per document; ids the person holds are not new', () => {
    const { room } = setting();
    const three = scanUpdate(Y.mergeUpdates([placeholders(11, 0, 4), placeholders(12, 0, 4), placeholders(13, 0, 4)]), 100);
    expect(rule(judgeUpdate(three, viewOf(room), sender, limits))).toBe('accept');
    const dayFull = judgeUpdate(three, viewOf(room), { ...sender, clients: { today: 1, total: 1 } }, limits);
    expect(dayFull).toMatchObject({ accept: false, refusal: { rule: 'W14', close: { code: 4422 } } });
    expect(!dayFull.accept && dayFull.refusal.told).toMatch(/^refused: .*\(W14\)$/);
    expect(rule(judgeUpdate(three, viewOf(room), { ...sender, clients: { today: 0, total: 3 } }, limits))).toBe('W14');
    // Facilitators too: anyone can fill the state vector.
    expect(rule(judgeUpdate(three, viewOf(room), { ...sender, role: 'facilitator', clients: { today: 1, total: 1 } }, limits))).toBe('W14');
    // The document's own cap: its state vector stays within half a frame (4413).
    const docFull = judgeUpdate(three, viewOf(room, { clients: 6 }), sender, limits);
    expect(docFull).toMatchObject({ accept: false, refusal: { rule: 'L9', close: { code: 4413 } } });
    // Clients the sender holds already are not new, whatever their counts.
    const own = new Map([[11, sender.id], [12, sender.id], [13, sender.id]]);
    expect(rule(judgeUpdate(three, viewOf(room, { clients: 8 }, own), { ...sender, clients: { today: 3, total: 5 } }, limits))).toBe('accept');
    // Yjs draws 32-bit ids: a wider one would take more of the state vector than counted.
    expect(rule(judgeUpdate(scanUpdate(placeholders(2 ** 40, 0, 1), 100), viewOf(room), sender, limits))).toBe('W14');
  });
});
