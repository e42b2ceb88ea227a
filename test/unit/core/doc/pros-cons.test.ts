import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { listMethods } from '#core/doc/board-methods';
import {
  addOption,
  addProsConsBoard,
  addProsConsItem,
  deleteProsConsItem,
  editProsConsItem,
  listProsConsBoards,
  moveProsConsItem,
  prosConsTally,
  readProsConsBoard,
  removeOption,
  renameOption,
} from '#core/doc/pros-cons';
import { seedDocument } from '#core/doc/seed';

const alice = { id: 'alice-000001', name: 'Alice' };
const bruno = { id: 'bruno-000001', name: 'Bruno' };
const at = new Date('2026-03-01T10:00:00Z');
const board = 'board-000001';

/** Two replicas of one seeded document with one board and two options, synced by hand. */
function pair() {
  const seed = new Y.Doc();
  seedDocument(seed);
  addProsConsBoard(seed, board, alice, at);
  addOption(seed, board, 'lyon-000001', 'Open in Lyon');
  addOption(seed, board, 'wait-000001', 'Wait a year');
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(seed));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(seed));
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, sync };
}

let n = 0;
const add = (doc: Y.Doc, optionId: string, side: 'pro' | 'con', text: string, author = alice, index?: number) =>
  addProsConsItem(doc, board, { id: `item-${String(++n).padStart(6, '0')}`, optionId, side, text, author, at, index });

/** Each option's label with its pros and cons texts, in order. */
const texts = (doc: Y.Doc) =>
  readProsConsBoard(doc, board)!.options.map((v) => ({ label: v.option.label, pro: v.pro.map((i) => i.text), con: v.con.map((i) => i.text) }));

describe('a pros and cons board in the document', () => {
  it('is a method of kind pros-cons beside the SWOT board, its options in the order added', () => {
    const { a } = pair();
    expect(listMethods(a)).toEqual([
      { id: board, kind: 'pros-cons' },
      { id: 'swot', kind: 'swot' },
    ]);
    expect(listProsConsBoards(a)).toEqual([board]);
    expect(texts(a)).toEqual([
      { label: 'Open in Lyon', pro: [], con: [] },
      { label: 'Wait a year', pro: [], con: [] },
    ]);
  });

  it('refuses a second method under the same id, an empty label, an empty item, an unknown option', () => {
    const { a } = pair();
    expect(() => addProsConsBoard(a, board, alice, at)).toThrow(/already exists/);
    expect(() => addOption(a, board, 'empty-000001', '   ')).toThrow(/needs a label/);
    expect(() => add(a, 'lyon-000001', 'pro', '  ')).toThrow(/needs some text/);
    expect(() => add(a, 'gone-000001', 'pro', 'Text')).toThrow(/no such option/);
    expect(() => addOption(a, 'none-000001', 'x-00000001', 'Label')).toThrow(/no such pros and cons board/);
    expect(texts(a).flatMap((v) => [...v.pro, ...v.con])).toEqual([]);
  });

  it('adds, edits, moves and deletes items, with their authors, and tallies them per option', () => {
    const { a } = pair();
    const first = add(a, 'lyon-000001', 'pro', 'Loyal customers');
    add(a, 'lyon-000001', 'pro', 'Warehouse nearby', bruno);
    const rent = add(a, 'lyon-000001', 'con', 'High rent');
    add(a, 'wait-000001', 'pro', 'Cash stays free', bruno, 0);
    expect(editProsConsItem(a, board, rent.id, 'Very high rent', bruno, at)).toBe(true);
    expect(moveProsConsItem(a, board, first.id, { optionId: 'lyon-000001', side: 'pro', index: 2 })).toBe(true);
    expect(texts(a)[0]).toEqual({ label: 'Open in Lyon', pro: ['Warehouse nearby', 'Loyal customers'], con: ['Very high rent'] });
    expect(prosConsTally(a, board)).toEqual([
      { optionId: 'lyon-000001', label: 'Open in Lyon', pros: 2, cons: 1 },
      { optionId: 'wait-000001', label: 'Wait a year', pros: 1, cons: 0 },
    ]);
    // To the other side of another option.
    moveProsConsItem(a, board, first.id, { optionId: 'wait-000001', side: 'con', index: 0 });
    const wait = readProsConsBoard(a, board)!.options[1]!;
    expect(wait.con.map((i) => [i.text, i.authorName])).toEqual([['Loyal customers', 'Alice']]);
    expect(deleteProsConsItem(a, board, first.id)).toBe(true);
    expect(deleteProsConsItem(a, board, first.id)).toBe(false);
    expect(prosConsTally(a, board).map((t) => [t.pros, t.cons])).toEqual([[1, 1], [1, 0]]);
  });

  it('renames an option and removes it with its items', () => {
    const { a } = pair();
    add(a, 'lyon-000001', 'pro', 'Loyal customers');
    expect(renameOption(a, board, 'lyon-000001', '  Open in Lyon in 2027 ')).toBe(true);
    expect(texts(a)[0]!.label).toBe('Open in Lyon in 2027');
    expect(removeOption(a, board, 'lyon-000001')).toBe(true);
    expect(texts(a)).toEqual([{ label: 'Wait a year', pro: [], con: [] }]);
    expect(a.getMap('methods').get(board)).toBeInstanceOf(Y.Map);
    expect(readProsConsBoard(a, board)!.options.flatMap((v) => v.pro)).toEqual([]);
  });

  it('converges when two people edit at once: an edit and a move of one item, two inserts at one place, an add to a removed option', () => {
    const { a, b, sync } = pair();
    const item = add(a, 'lyon-000001', 'pro', 'Loyal customers');
    add(a, 'lyon-000001', 'pro', 'Warehouse nearby');
    sync();
    editProsConsItem(a, board, item.id, 'Very loyal customers', alice, at);
    moveProsConsItem(b, board, item.id, { optionId: 'wait-000001', side: 'con', index: 0 });
    add(a, 'wait-000001', 'pro', 'From Alice', alice, 0);
    add(b, 'wait-000001', 'pro', 'From Bruno', bruno, 0);
    renameOption(a, board, 'wait-000001', 'Wait until 2028');
    sync();
    expect(texts(a)).toEqual(texts(b));
    const wait = texts(a)[1]!;
    expect(wait.label).toBe('Wait until 2028');
    expect(wait.con).toEqual(['Very loyal customers']);
    expect([...wait.pro].sort()).toEqual(['From Alice', 'From Bruno']);

    removeOption(a, board, 'lyon-000001');
    add(b, 'lyon-000001', 'con', 'Added while it was removed', bruno);
    sync();
    expect(texts(a)).toEqual(texts(b));
    expect(texts(a).map((v) => v.label)).toEqual(['Wait until 2028']);
  });

  it('skips an item a foreign client wrote without the expected fields', () => {
    const { a } = pair();
    const items = (a.getMap('methods').get(board) as Y.Map<unknown>).get('items') as Y.Map<Y.Map<unknown>>;
    const bad = new Y.Map<unknown>();
    bad.set('text', 'no side, no option');
    items.set('bad-00000001', bad);
    add(a, 'lyon-000001', 'con', 'High rent');
    expect(texts(a)[0]!.con).toEqual(['High rent']);
  });
});
