import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  actionItemsMethod,
  addActionItem,
  addActionItemsBoard,
  assignActionItem,
  deleteActionItem,
  listActionBoards,
  readActionItems,
  readAllActionItems,
  renameActionItem,
  setActionStatus,
} from '#core/doc/action-items';
import { listMethods } from '#core/doc/board-methods';
import { methodsOf } from '#core/doc/methods';
import { isOverdue } from '#core/methods/action-items';
import { replicaPair } from './replicas.ts';

const alice = { id: 'alice-000001', name: 'Alice' };
const bruno = { id: 'bruno-000001', name: 'Bruno' };
const chloe = { id: 'chloe-000001', name: 'Chloé' };
const at = new Date('2026-03-01T10:00:00Z');
const board = 'board-000001';

const pair = () => replicaPair((seed) => addActionItemsBoard(seed, board, alice, at));

let n = 0;
const add = (doc: Y.Doc, title: string, owner = bruno, due = '2026-03-10', author = alice) =>
  addActionItem(doc, board, { id: `item-${String(++n).padStart(6, '0')}`, title, owner, due, author, at });

describe('an action items board in the document', () => {
  it('is a method of kind action-items; an item starts to do, owned and due as given, and matches the schema', () => {
    const { a } = pair();
    expect(listMethods(a)).toEqual([
      { id: board, kind: 'action-items' },
      { id: 'swot', kind: 'swot' },
    ]);
    const item = addActionItem(a, board, { id: 'item-first01', title: '  Book the room ', owner: bruno, due: '2026-03-10', source: 'decision', author: alice, at });
    expect(item).toMatchObject({ title: 'Book the room', ownerId: bruno.id, ownerName: 'Bruno', due: '2026-03-10', status: 'todo', source: 'decision', authorId: alice.id });
    expect(listActionBoards(a)).toEqual([board]);
    expect(readAllActionItems(a)).toEqual([{ ...item, boardId: board }]);
    expect(actionItemsMethod.schema.safeParse(methodsOf(a).get(board)!.toJSON()).success).toBe(true);
  });

  it('refuses an empty title, a day that does not exist, a bad owner id, an unknown board', () => {
    const { a } = pair();
    expect(() => add(a, '   ')).toThrow(/needs a title/);
    expect(() => add(a, 'Call', bruno, '2026-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => add(a, 'Call', bruno, '2026-03-10T00:00:00Z')).toThrow(/YYYY-MM-DD/);
    expect(() => add(a, 'Call', { id: 'no', name: 'X' })).toThrow(/identifier/);
    expect(() => addActionItem(a, 'none-000001', { id: 'item-xxxxxx1', title: 'T', owner: bruno, due: '2026-03-10', author: alice, at })).toThrow(/no such action items board/);
    expect(readActionItems(a, board)).toEqual([]);
  });

  it('two replicas editing at once converge: one sets the status while the other renames and reassigns', () => {
    const { a, b, sync } = pair();
    const item = add(a, 'Draft the budget');
    sync();
    setActionStatus(a, board, item.id, 'doing', bruno, at);
    renameActionItem(b, board, item.id, 'Draft the 2027 budget', alice, at);
    assignActionItem(b, board, item.id, { owner: chloe, due: '2026-03-12' }, alice, at);
    add(a, 'Call the landlord', alice);
    add(b, 'Sign the lease', chloe);
    sync();
    expect(readActionItems(a, board)).toEqual(readActionItems(b, board));
    const merged = readActionItems(a, board).find((i) => i.id === item.id)!;
    expect(merged).toMatchObject({ title: 'Draft the 2027 budget', status: 'doing', ownerId: chloe.id, ownerName: 'Chloé', due: '2026-03-12' });
    expect(readActionItems(a, board).map((i) => i.title)).toHaveLength(3);
  });

  it('converges when one deletes an item the other changes: the item stays gone', () => {
    const { a, b, sync } = pair();
    const item = add(a, 'Order chairs');
    sync();
    deleteActionItem(a, board, item.id);
    setActionStatus(b, board, item.id, 'done', bruno, at);
    sync();
    expect(readActionItems(a, board)).toEqual([]);
    expect(readActionItems(b, board)).toEqual([]);
  });

  it('skips an item a foreign client wrote against the schema', () => {
    const { a } = pair();
    add(a, 'Good one');
    const bad = new Y.Map<unknown>();
    (methodsOf(a).get(board)!.get('items') as Y.Map<unknown>).set('bad-0000001', bad);
    bad.set('title', 'no owner');
    expect(readActionItems(a, board).map((i) => i.title)).toEqual(['Good one']);
  });

  it('is overdue when open and due before today, not when done or dropped', () => {
    expect(isOverdue({ status: 'todo', due: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'doing', due: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'dropped', due: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
