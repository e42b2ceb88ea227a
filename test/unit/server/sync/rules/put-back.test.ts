import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAgendaBoard, addAgendaItem, deleteAgendaItem, readAgendaItems } from '#core/doc/agenda';
import { typeAgendaNotes } from '#core/doc/agenda-notes';
import { addComment, readComments, removeComment } from '#core/doc/comments';
import { addOption, addProsConsBoard, addProsConsItem, readProsConsItems, readProsConsOptions, removeOption } from '#core/doc/pros-cons';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { RemovalUndo } from '#core/doc/undo';
import { initialDocumentUpdate } from '../../../../../server/activities/brief-seed.ts';
import { judgeContent } from '../../../../../server/sync/rules/content.ts';
import type { Author } from '../../../../../server/sync/rules/author.ts';
import { PutBackLedger, putBackLimits } from '../../../../../server/sync/rules/put-back.ts';

const fay: Author = { id: 'facilitator-fay', name: 'Fay Facilitator', role: 'facilitator' };
const cid: Author = { id: 'contributor-cid', name: 'Cid Contributor', role: 'contributor' };
const ola: Author = { id: 'contributor-ola', name: 'Ola Other', role: 'contributor' };
const at = new Date('2026-12-05T09:00:00Z');
const me = (a: Author) => ({ id: a.id, name: a.name });

/**
 * The relay's side of SPEC W11 without a socket: a room document, its ledger of recent
 * removals and a clock; each person edits their own copy (kept in sync with the room, as
 * a connected client is) and sends the update their change produced, judged as the room
 * judges it, applied and settled when allowed.
 */
class Room {
  readonly doc = new Y.Doc();
  readonly ledger = new PutBackLedger();
  now = at.getTime();
  private readonly copies = new Map<string, Y.Doc>();

  constructor() {
    Y.applyUpdate(this.doc, initialDocumentUpdate('Open on Sundays?'));
  }

  /** The copy `who` keeps (a connected client's), caught up with the room. */
  copyOf(who: Author): Y.Doc {
    let copy = this.copies.get(who.id);
    if (!copy) this.copies.set(who.id, (copy = new Y.Doc()));
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    return copy;
  }

  /** `who` changes a fresh copy; the update is judged: 'allowed' or the rule that refused it. */
  edit(who: Author, change: (doc: Y.Doc) => void): string {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    const before = Y.encodeStateVector(copy);
    change(copy);
    return this.send(who, Y.encodeStateAsUpdate(copy, before));
  }

  send(who: Author, update: Uint8Array): string {
    const verdict = judgeContent(update, this.doc, who, this.ledger.viewOf(who.id, this.now));
    if (!verdict.allowed) return verdict.rule;
    Y.applyUpdate(this.doc, update);
    this.ledger.settle(who.id, verdict.removed, verdict.putBack, this.now);
    return 'allowed';
  }
}

function withOlasItem() {
  const room = new Room();
  expect(room.edit(ola, (d) => addSwotItem(d, { id: 'item-ola-01', quadrant: 'strengths', text: 'Loyal customers', author: me(ola), at }))).toBe('allowed');
  return room;
}

/** `who` removes through the app's undo (own origin) and gets the undo back for later. */
function removeWithUndo(room: Room, who: Author, remove: (doc: Y.Doc) => boolean) {
  const copy = room.copyOf(who);
  const undo = new RemovalUndo(copy);
  const before = Y.encodeStateVector(copy);
  expect(undo.remove(() => remove(copy))).toBe(true);
  expect(room.send(who, Y.encodeStateAsUpdate(copy, before))).toBe('allowed');
  return {
    copy,
    /** Undoes on the person's copy (after catching up with the room) and sends the put-back. */
    undo() {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      const sv = Y.encodeStateVector(copy);
      expect(undo.undo()).toBe(true);
      return room.send(who, Y.encodeStateAsUpdate(copy, sv));
    },
  };
}

describe('W11: putting back what one removed', () => {
  it("a contributor's undo puts back someone else's item, as it was", () => {
    const room = withOlasItem();
    const removal = removeWithUndo(room, cid, (d) => deleteSwotItem(d, 'item-ola-01'));
    expect(readSwotItems(room.doc)).toEqual([]);
    expect(removal.undo()).toBe('allowed');
    expect(readSwotItems(room.doc)).toEqual([expect.objectContaining({ id: 'item-ola-01', authorId: ola.id, authorName: ola.name, text: 'Loyal customers' })]);
  });

  it("a contributor's undo puts back someone else's agenda item with its notes as they were; the notes changed, it is not a put-back", () => {
    const room = new Room();
    expect(room.edit(fay, (d) => addAgendaBoard(d, 'board-agenda', me(fay), at))).toBe('allowed');
    expect(room.edit(ola, (d) => void addAgendaItem(d, 'board-agenda', { id: 'item-ola-01', text: 'Budget', minutes: 10, author: me(ola), at }))).toBe('allowed');
    expect(room.edit(ola, (d) => void typeAgendaNotes(d, 'board-agenda', 'item-ola-01', 'Ask finance'))).toBe('allowed');
    expect(room.edit(cid, (d) => void typeAgendaNotes(d, 'board-agenda', 'item-ola-01', 'Ask finance today'))).toBe('allowed');
    const removal = removeWithUndo(room, cid, (d) => deleteAgendaItem(d, 'board-agenda', 'item-ola-01'));
    expect(readAgendaItems(room.doc, 'board-agenda')).toEqual([]);
    expect(removal.undo()).toBe('allowed');
    expect(readAgendaItems(room.doc, 'board-agenda')).toEqual([expect.objectContaining({ id: 'item-ola-01', authorId: ola.id, notes: 'Ask finance today' })]);
    // Removed again, and put back with other notes: someone else's item under the sender's hand (W1).
    removeWithUndo(room, cid, (d) => deleteAgendaItem(d, 'board-agenda', 'item-ola-01'));
    const forged = (d: Y.Doc) => {
      const item = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id: 'item-ola-01', text: 'Budget', minutes: 10, order: 'a0', authorId: ola.id, authorName: ola.name, createdAt: at.toISOString() })) item.set(k, v);
      item.set('notes', new Y.Text('Something else'));
      ((d.getMap('methods').get('board-agenda') as Y.Map<unknown>).get('items') as Y.Map<unknown>).set('item-ola-01', item);
    };
    expect(room.edit(cid, forged)).toBe('W1');
  });

  it("a facilitator's undo puts back an option with everyone's pros and cons", () => {
    const room = new Room();
    expect(room.edit(fay, (d) => addProsConsBoard(d, 'board-0001', me(fay), at))).toBe('allowed');
    expect(room.edit(fay, (d) => void addOption(d, 'board-0001', 'option-001', 'Open on Sundays'))).toBe('allowed');
    for (const [who, id] of [[cid, 'procon-cid-1'], [ola, 'procon-ola-1']] as const) {
      const item = { id, optionId: 'option-001', side: 'pro' as const, text: `Said by ${who.name}`, author: me(who), at };
      expect(room.edit(who, (d) => void addProsConsItem(d, 'board-0001', item))).toBe('allowed');
    }
    const removal = removeWithUndo(room, fay, (d) => removeOption(d, 'board-0001', 'option-001'));
    expect(readProsConsItems(room.doc, 'board-0001')).toEqual([]);
    expect(removal.undo()).toBe('allowed');
    expect(readProsConsOptions(room.doc, 'board-0001').map((o) => o.label)).toEqual(['Open on Sundays']);
    expect(readProsConsItems(room.doc, 'board-0001').map((i) => i.authorId).sort()).toEqual([cid.id, ola.id]);
  });

  it("a comment's author takes their removal back (W4 already lets them)", () => {
    const room = new Room();
    const body = { body: '{"t":1}', text: 'Too early to say', mentions: [] };
    expect(room.edit(cid, (d) => void addComment(d, { id: 'comment-cid-1', author: me(cid), at, ...body }))).toBe('allowed');
    const removal = removeWithUndo(room, cid, (d) => removeComment(d, 'comment-cid-1', me(cid), at));
    expect(readComments(room.doc)[0]?.removed?.by).toBe(cid.id);
    expect(removal.undo()).toBe('allowed');
    expect(readComments(room.doc)[0]?.removed).toBeUndefined();
  });

  it('a removal and its put-back sent as one update (joined offline) are taken', () => {
    const room = withOlasItem();
    const copy = room.copyOf(cid);
    const undo = new RemovalUndo(copy);
    const before = Y.encodeStateVector(copy);
    undo.remove(() => deleteSwotItem(copy, 'item-ola-01'));
    undo.undo();
    expect(room.send(cid, Y.encodeStateAsUpdate(copy, before))).toBe('allowed');
    expect(readSwotItems(room.doc).map((i) => i.authorId)).toEqual([ola.id]);
  });

  it('refuses putting back what someone else removed, a changed copy, elsewhere, or twice', () => {
    const room = withOlasItem();
    const original = { id: 'item-ola-01', quadrant: 'strengths' as const, text: 'Loyal customers', author: me(ola), at };
    const putBack = (entry: typeof original) => (d: Y.Doc) => void addSwotItem(d, entry);
    const faysRemoval = removeWithUndo(room, fay, (d) => deleteSwotItem(d, 'item-ola-01'));
    // The very fields the facilitator removed, sent by Cid, who removed nothing.
    expect(room.edit(cid, putBack(original))).toBe('W1');
    expect(faysRemoval.undo()).toBe('allowed');

    const cids = removeWithUndo(room, cid, (d) => deleteSwotItem(d, 'item-ola-01'));
    expect(room.edit(cid, putBack({ ...original, text: 'Disloyal customers' }))).toBe('W1');
    expect(room.edit(cid, putBack({ ...original, id: 'item-ola-02' }))).toBe('W1');
    expect(cids.undo()).toBe('allowed');
    // Spent: removed again by the facilitator, Cid's removal puts back nothing more.
    expect(room.edit(fay, (d) => void deleteSwotItem(d, 'item-ola-01'))).toBe('allowed');
    expect(room.edit(cid, putBack(original))).toBe('W1');
    expect(readSwotItems(room.doc)).toEqual([]);
  });

  it('refuses a put-back past the time the relay remembers removals', () => {
    const room = withOlasItem();
    const removal = removeWithUndo(room, cid, (d) => deleteSwotItem(d, 'item-ola-01'));
    room.now += putBackLimits.keepMs + 1;
    expect(removal.undo()).toBe('W1');
    expect(readSwotItems(room.doc)).toEqual([]);
  });
});

describe('the ledger of removals is bounded', () => {
  const fields = (text: string) => new Map([['text', JSON.stringify(text)]]);
  const removal = (n: number, text = 'x') => ({ place: `swot/items/item-${n}`, fields: fields(text) });

  it('keeps at most perPerson a person and perRoom in all, oldest forgotten first', () => {
    const ledger = new PutBackLedger();
    ledger.settle(cid.id, Array.from({ length: putBackLimits.perPerson + 5 }, (_, n) => removal(n)), [], 0);
    expect(ledger.size).toBe(putBackLimits.perPerson);
    expect(ledger.viewOf(cid.id, 0).removedAt('swot/items/item-0')).toEqual([]);
    expect(ledger.viewOf(cid.id, 0).removedAt(`swot/items/item-${putBackLimits.perPerson + 4}`)).toHaveLength(1);
    ledger.settle(ola.id, Array.from({ length: putBackLimits.perPerson + 5 }, (_, n) => removal(n)), [], 1);
    expect(ledger.size).toBe(putBackLimits.perRoom);
    expect(ledger.viewOf(ola.id, 1).removedAt(`swot/items/item-${putBackLimits.perPerson + 4}`)).toHaveLength(1);
  });

  it('keeps at most roomBytes, and never an entry over entryBytes', () => {
    const ledger = new PutBackLedger();
    ledger.settle(cid.id, [removal(1, 'y'.repeat(putBackLimits.entryBytes))], [], 0);
    expect(ledger.size).toBe(0);
    const big = 'z'.repeat(putBackLimits.entryBytes / 2);
    ledger.settle(cid.id, Array.from({ length: 40 }, (_, n) => removal(n, big)), [], 0);
    expect(ledger.size).toBeLessThanOrEqual(Math.floor(putBackLimits.roomBytes / (putBackLimits.entryBytes / 2)));
    expect(ledger.viewOf(cid.id, 0).removedAt('swot/items/item-39')).toHaveLength(1);
  });

  it('forgets everything when the relay changes the document itself (a restore, an erasure)', () => {
    const ledger = new PutBackLedger();
    ledger.settle(cid.id, [removal(1)], [], 0);
    ledger.forget();
    expect(ledger.viewOf(cid.id, 0).removedAt('swot/items/item-1')).toEqual([]);
  });

  it('forgets a removal once put back, and after keepMs', () => {
    const ledger = new PutBackLedger();
    ledger.settle(cid.id, [removal(1), removal(2)], [], 0);
    ledger.settle(cid.id, [], [removal(1)], 10);
    expect(ledger.viewOf(cid.id, 10).removedAt('swot/items/item-1')).toEqual([]);
    expect(ledger.viewOf(cid.id, putBackLimits.keepMs).removedAt('swot/items/item-2')).toHaveLength(1);
    expect(ledger.viewOf(cid.id, putBackLimits.keepMs + 1).removedAt('swot/items/item-2')).toEqual([]);
    expect(ledger.size).toBe(0);
  });
});
