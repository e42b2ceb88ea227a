import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMethodOf, listMethods } from '#core/doc/board-methods';
import { methodsOf } from '#core/doc/methods';
import {
  addPrioritisationBoard,
  addPriorityItem,
  deletePriorityItem,
  editPriorityItem,
  listPrioritisationBoards,
  placePriorityItem,
  prioritisationMethod,
  readPriorityItems,
} from '#core/doc/prioritisation';
import { replicaPair } from './replicas.ts';

const alice = { id: 'alice-000001', name: 'Alice' };
const bruno = { id: 'bruno-000001', name: 'Bruno' };
const at = new Date('2026-12-06T09:00:00Z');
const board = 'board-prio01';

function withItem() {
  return replicaPair((seed) => {
    addPrioritisationBoard(seed, board, alice, at);
    addPriorityItem(seed, board, { id: 'item-000001', text: 'Faster checkout', impact: 80, effort: 20, author: alice, at });
  });
}

describe('prioritisation board in the document', () => {
  it('adds, places (kept in bounds), edits and removes items; the board matches its schema', () => {
    const { a } = withItem();
    expect(listPrioritisationBoards(a)).toEqual([board]);
    expect(listMethods(a)).toContainEqual({ id: board, kind: 'prioritisation' });
    placePriorityItem(a, board, 'item-000001', { impact: 140, effort: -3 });
    editPriorityItem(a, board, 'item-000001', '  Faster checkout everywhere ', bruno, at);
    expect(readPriorityItems(a, board)).toEqual([
      expect.objectContaining({ impact: 100, effort: 0, text: 'Faster checkout everywhere', editedBy: bruno.id }),
    ]);
    expect(prioritisationMethod.schema.safeParse(methodsOf(a).get(board)!.toJSON()).success).toBe(true);
    expect(() => editPriorityItem(a, board, 'item-000001', ' ', bruno, at)).toThrow();
    expect(deletePriorityItem(a, board, 'item-000001')).toBe(true);
    expect(readPriorityItems(a, board)).toEqual([]);
    expect(placePriorityItem(a, board, 'item-000001', { impact: 1, effort: 1 })).toBe(false);
  });

  it('converges when two people move and edit one item at once, and one removes what the other moves', () => {
    const { a, b, sync } = withItem();
    placePriorityItem(a, board, 'item-000001', { impact: 30, effort: 70 });
    editPriorityItem(b, board, 'item-000001', 'Checkout in one step', bruno, at);
    addPriorityItem(b, board, { id: 'item-000002', text: 'New logo', impact: 10, effort: 10, author: bruno, at });
    sync();
    expect(readPriorityItems(a, board)).toEqual(readPriorityItems(b, board));
    expect(readPriorityItems(a, board).find((i) => i.id === 'item-000001')).toMatchObject({ impact: 30, effort: 70, text: 'Checkout in one step' });
    placePriorityItem(a, board, 'item-000002', { impact: 60, effort: 10 });
    deletePriorityItem(b, board, 'item-000002');
    sync();
    expect(readPriorityItems(a, board).map((i) => i.id)).toEqual(['item-000001']);
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  });

  it('tells the record and the CSV by quadrant, in English and French', () => {
    const { a } = withItem();
    addPriorityItem(a, board, { id: 'item-000003', text: 'Rewrite =all', impact: 20, effort: 90, author: bruno, at });
    const method = boardMethodOf('prioritisation')!;
    expect(method.record!(a, board, 'en')).toEqual({
      title: 'Prioritisation (impact/effort)',
      lines: ['Quick wins: Faster checkout (impact 80, effort 20)', 'Thankless tasks: Rewrite =all (impact 20, effort 90)'],
    });
    expect(method.record!(a, board, 'fr')!.lines[0]).toBe('Gains rapides: Faster checkout (impact 80, effort 20)');
    expect(method.table!(a, board)).toEqual([
      ['id', 'text', 'impact', 'effort', 'quadrant', 'author', 'createdAt'],
      ['item-000001', 'Faster checkout', 80, 20, 'Quick wins', 'Alice', at.toISOString()],
      ['item-000003', 'Rewrite =all', 20, 90, 'Thankless tasks', 'Bruno', at.toISOString()],
    ]);
    deletePriorityItem(a, board, 'item-000001');
    deletePriorityItem(a, board, 'item-000003');
    expect(method.record!(a, board, 'en')).toBeNull();
  });
});
