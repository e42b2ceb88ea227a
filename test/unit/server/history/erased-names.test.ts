import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaBoard, addAgendaItem } from '#core/doc/agenda';
import { agendaNotesText, typeAgendaNotes } from '#core/doc/agenda-notes';
import { addComment, readComments, removeComment } from '#core/doc/comments';
import { eraseFromDocument, eraseFromUpdate, type ErasedPerson } from '../../../../server/history/erased-names.ts';

const bob: ErasedPerson = { id: 'bobbobbobbobbobbobbob', needles: ['Bob Martin', 'bob@durand.example', '+33611223344'], former: 'Former member' };
const carol = { id: 'carolcarolcarolcarol1', name: 'Carol Roux' };
const contains = (bytes: Uint8Array, s: string) => Buffer.from(bytes).includes(Buffer.from(s));

/** A document where Bob wrote an entry and a comment, Carol answered naming him, Bob removed his comment. */
function history() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const items = new Y.Map<Y.Map<unknown>>();
  doc.getMap('methods').set('swot', new Y.Map([['items', items]]) as Y.Map<unknown>);
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    items.set('e1', entry);
    for (const [k, v] of Object.entries({ id: 'e1', text: 'Strong brand', authorId: bob.id, authorName: 'Bob Martin' })) entry.set(k, v);
  });
  const body = (text: string, mention?: string) =>
    JSON.stringify({ root: { children: [{ type: 'paragraph', children: mention ? [{ type: 'mention', userId: bob.id, name: mention, text: `@${mention}` }] : [{ type: 'text', text }] }] } });
  addComment(doc, { id: 'comment1', author: { id: bob.id, name: 'Bob Martin' }, at: new Date('2026-12-01T10:00:00Z'), body: body('I agree'), text: 'I agree', mentions: [] });
  // Carol mentions him under a name he had before a rename: known by his id only.
  addComment(doc, { id: 'comment2', author: carol, at: new Date('2026-12-01T10:01:00Z'), body: body('', 'Robert Martin'), text: '@Robert Martin thanks, Bob Martin', mentions: [bob.id] });
  removeComment(doc, 'comment1', { id: bob.id, name: 'Bob Martin' }, new Date('2026-12-01T10:02:00Z'));
  doc.get('root', Y.XmlText).insert(0, 'Ask Bob Martin (bob@durand.example) first.');
  return { doc, updates };
}

describe('erased names', () => {
  it('E2: a stored update that does not name the person is left alone; one rewritten replays into the same document', () => {
    const { doc, updates } = history();
    const state = Y.encodeStateAsUpdate(doc);
    const nobody = { id: 'nobodynobodynobody111', needles: ['Zed Zorro'], former: 'Former member' };
    expect(eraseFromUpdate(state, nobody)).toBeNull();
    // Forced through the encoder (a needle found): same structs, same clocks.
    const again = eraseFromUpdate(state, { ...nobody, needles: ['Strong brand'] })!;
    const replay = new Y.Doc();
    Y.applyUpdate(replay, again);
    expect(Y.encodeStateVector(replay)).toEqual(Y.encodeStateVector(doc));
    expect(updates.length).toBeGreaterThan(3);
  });

  it('E2: every stored update and the snapshot lose the name, e-mail and phone, and still replay into the same document', () => {
    const { doc, updates } = history();
    const snapshot = Y.encodeStateAsUpdate(doc);
    expect(updates.some((u) => contains(u, 'Bob Martin'))).toBe(true); // proof the search finds it
    const cleaned = updates.map((u) => eraseFromUpdate(u, bob) ?? u);
    const cleanSnapshot = eraseFromUpdate(snapshot, bob)!;
    for (const blob of [...cleaned, cleanSnapshot]) {
      for (const needle of [...bob.needles, 'Robert Martin']) expect(contains(blob, needle)).toBe(false);
    }
    for (const source of [cleaned, [cleanSnapshot]]) {
      const replay = new Y.Doc();
      for (const u of source) Y.applyUpdate(replay, u);
      expect(Y.encodeStateVector(replay)).toEqual(Y.encodeStateVector(doc));
      const comments = readComments(replay);
      expect(comments.map((c) => c.authorName)).toEqual(['Former member', 'Carol Roux']);
      expect(comments[0]!.removed?.name).toBe('Former member');
      expect(comments[1]!.versions[0]!.text).toBe('@Former member thanks, Former member');
      expect(comments[1]!.versions[0]!.body).toContain('"name":"Former member"');
      const entry = (replay.getMap('methods').get('swot') as Y.Map<Y.Map<Y.Map<unknown>>>).get('items')!.get('e1')!;
      expect(entry.get('authorName')).toBe('Former member');
      // Text keeps its length: the name is covered.
      expect(replay.get('root', Y.XmlText).toString()).toBe(`Ask ${'•'.repeat(10)} (${'•'.repeat(18)}) first.`);
    }
  });

  it('E1: the live change names the former member everywhere and leaves nothing of the person in the encoded document', () => {
    const { doc } = history();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    let change: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (change = u));
    eraseFromDocument(doc, bob);
    expect(change).not.toBeNull();
    Y.applyUpdate(other, change!);
    const state = Y.encodeStateAsUpdate(other);
    for (const needle of [...bob.needles, 'Robert Martin']) expect(contains(state, needle)).toBe(false);
    const comments = readComments(other);
    expect(comments.map((c) => c.authorName)).toEqual(['Former member', 'Carol Roux']);
    expect(comments[1]!.versions[0]!.text).toBe('@Former member thanks, Former member');
    expect(other.get('root', Y.XmlText).toString()).toBe('Ask Former member (Former member) first.');
  });

  it('E1, E2: a name typed in an agenda item’s notes (shared text) is replaced in the live text, and masked in the update that typed it', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    addAgendaBoard(doc, 'board-agenda1', carol, new Date('2026-12-01T10:00:00Z'));
    addAgendaItem(doc, 'board-agenda1', { id: 'item-budget1', text: 'Budget', minutes: 10, author: carol, at: new Date('2026-12-01T10:00:00Z') });
    typeAgendaNotes(doc, 'board-agenda1', 'item-budget1', 'Ask Bob Martin for the figures');
    const text = agendaNotesText(doc, 'board-agenda1', 'item-budget1');
    eraseFromDocument(doc, bob);
    expect(agendaNotesText(doc, 'board-agenda1', 'item-budget1')).toBe(text);
    expect(text!.toString()).toBe('Ask Former member for the figures');
    expect(updates).toHaveLength(4);
    const typed = eraseFromUpdate(updates[2]!, bob)!;
    expect(contains(typed, 'Bob Martin')).toBe(false);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, updates[0]!);
    Y.applyUpdate(replay, updates[1]!);
    Y.applyUpdate(replay, typed);
    expect(agendaNotesText(replay, 'board-agenda1', 'item-budget1')!.toString()).toBe('Ask •••••••••• for the figures');
  });
});
