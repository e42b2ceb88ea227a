import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAgendaBoard, addAgendaDecision, addAgendaItem, agendaItemMap, readAgendaDecisions, readAgendaItems } from '#core/doc/agenda';
import { methodsOf } from '#core/doc/methods';
import { agendaNotesText, typeAgendaNotes, upgradeAgendas } from '#core/doc/agenda-notes';
import { seedDocument } from '#core/doc/seed';
import { replicaPair } from './replicas.ts';

const alice = { id: 'alice-000001', name: 'Alice' };
const at = new Date('2026-12-06T09:00:00Z');
const board = 'board-agenda1';

function agenda() {
  return replicaPair((seed) => {
    addAgendaBoard(seed, board, alice, at);
    addAgendaItem(seed, board, { id: 'item-budget1', text: 'Budget', minutes: 10, author: alice, at });
  });
}

/** An agenda as the app wrote it before notes were shared text and decisions were kept: notes a plain string (or none), no decisions map. */
function oldShapeAgenda(doc: Y.Doc, boardId: string, notes: string | null) {
  addAgendaBoard(doc, boardId, alice, at);
  addAgendaItem(doc, boardId, { id: 'item-budget1', text: 'Budget', minutes: 10, author: alice, at });
  const item = agendaItemMap(doc, boardId, 'item-budget1')!;
  if (notes === null) item.delete('notes');
  else item.set('notes', notes);
  methodsOf(doc).get(boardId)!.delete('decisions');
}

describe('an agenda item’s notes are shared text', () => {
  it('two people typing in one item’s notes at once keep both their words, and converge', () => {
    const { a, b, sync } = agenda();
    expect(typeAgendaNotes(a, board, 'item-budget1', 'Ask finance')).toBe(true);
    sync();
    typeAgendaNotes(a, board, 'item-budget1', 'Ask finance today');
    typeAgendaNotes(b, board, 'item-budget1', 'Bruno: Ask finance');
    sync();
    const notes = readAgendaItems(a, board)[0]!.notes;
    expect(notes).toBe(readAgendaItems(b, board)[0]!.notes);
    expect(notes).toContain('Bruno: ');
    expect(notes).toContain(' today');
  });

  it('a new item carries its notes text from the start; typing changes only what differs', () => {
    const { a } = agenda();
    const text = agendaNotesText(a, board, 'item-budget1');
    expect(text).toBeInstanceOf(Y.Text);
    typeAgendaNotes(a, board, 'item-budget1', 'abcdef');
    const deltas: unknown[] = [];
    text!.observe((e) => deltas.push(e.delta));
    typeAgendaNotes(a, board, 'item-budget1', 'abXcdef');
    expect(deltas).toEqual([[{ retain: 2 }, { insert: 'X' }]]);
    expect(() => typeAgendaNotes(a, board, 'item-budget1', 'x'.repeat(4001))).toThrow();
  });

  it('an agenda from before: plain-string notes are read, not typed into, until the relay brings it up to date (once)', () => {
    const doc = new Y.Doc();
    seedDocument(doc);
    oldShapeAgenda(doc, board, 'Old notes');
    expect(readAgendaItems(doc, board)[0]!.notes).toBe('Old notes');
    expect(typeAgendaNotes(doc, board, 'item-budget1', 'New')).toBe(false);
    expect(() => addAgendaDecision(doc, board, { id: 'decision-0001', itemId: 'item-budget1', text: 'Yes', status: 'decided', author: alice, at })).toThrow();
    expect(upgradeAgendas(doc)).toBe(true);
    expect(upgradeAgendas(doc)).toBe(false);
    expect(agendaNotesText(doc, board, 'item-budget1')!.toString()).toBe('Old notes');
    expect(readAgendaItems(doc, board)[0]!.notes).toBe('Old notes');
    expect(typeAgendaNotes(doc, board, 'item-budget1', 'Old notes, new')).toBe(true);
  });

  it('two facilitators recording the first decision on an agenda from before at once both keep theirs', () => {
    const seed = new Y.Doc();
    seedDocument(seed);
    oldShapeAgenda(seed, board, null);
    upgradeAgendas(seed);
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(seed));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(seed));
    expect(agendaNotesText(a, board, 'item-budget1')!.toString()).toBe('');
    const decision = { itemId: 'item-budget1', status: 'decided' as const, author: alice, at };
    addAgendaDecision(a, board, { ...decision, id: 'decision-0001', text: 'Keep it' });
    addAgendaDecision(b, board, { ...decision, id: 'decision-0002', text: 'Cut it' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readAgendaDecisions(a, board).map((d) => d.id)).toEqual(['decision-0001', 'decision-0002']);
    expect(readAgendaDecisions(b, board)).toEqual(readAgendaDecisions(a, board));
  });
});
