import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addPrioritisationBoard, addPriorityItem, deletePriorityItem, editPriorityItem, placePriorityItem, readPriorityItems } from '#core/doc/prioritisation';
import { cid, edit, entryMap, fay, me, ola, roomDoc } from './judge-support.ts';

const at = new Date('2026-12-06T09:00:00Z');

function withBoard() {
  const room = roomDoc();
  expect(edit(room, fay, (d) => addPrioritisationBoard(d, 'board-prio1', me(fay), at))).toBe('allowed');
  const item = { id: 'prio-item-01', text: 'Faster checkout', impact: 80, effort: 20, author: me(cid), at };
  expect(edit(room, cid, (d) => void addPriorityItem(d, 'board-prio1', item))).toBe('allowed');
  return room;
}

describe('prioritisation 2×2 on the relay (SPEC W5, W15)', () => {
  it("the app's own edits are allowed: the facilitator makes the board, anyone places, edits, removes", () => {
    const room = withBoard();
    expect(edit(room, ola, (d) => placePriorityItem(d, 'board-prio1', 'prio-item-01', { impact: 30, effort: 90 }))).toBe('allowed');
    expect(edit(room, ola, (d) => editPriorityItem(d, 'board-prio1', 'prio-item-01', 'Much faster checkout', me(ola), at))).toBe('allowed');
    expect(readPriorityItems(room, 'board-prio1')[0]).toMatchObject({ impact: 30, effort: 90, text: 'Much faster checkout' });
    expect(edit(room, cid, (d) => deletePriorityItem(d, 'board-prio1', 'prio-item-01'))).toBe('allowed');
  });

  it('W5: a contributor does not make a board', () => {
    expect(edit(roomDoc(), cid, (d) => addPrioritisationBoard(d, 'board-prio2', me(cid), at))).toBe('W5');
  });

  it('W15: impact and effort are whole numbers from 0 to 100, on a placed item and a new one', () => {
    const room = withBoard();
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('impact', 101))).toBe('W15');
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('effort', -1))).toBe('W15');
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('effort', 2.5))).toBe('W15');
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('impact', '80'))).toBe('W15');
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('text', 'x'.repeat(501)))).toBe('W15');
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('colour', 'red'))).toBe('W15');
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('impact', new Y.Map()))).toBe('W15');
    const forged = (d: Y.Doc) => {
      const board = d.getMap('methods').get('board-prio1') as Y.Map<Y.Map<unknown>>;
      const entry = new Y.Map<unknown>();
      (board.get('items') as Y.Map<Y.Map<unknown>>).set('prio-item-02', entry);
      for (const [k, v] of Object.entries({ id: 'prio-item-02', text: 'Huge', impact: 1000, effort: 0, authorId: cid.id, authorName: cid.name, createdAt: at.toISOString() })) entry.set(k, v);
    };
    expect(edit(room, cid, forged)).toBe('W15');
    expect(edit(room, ola, (d) => entryMap(d, 'board-prio1', 'prio-item-01').set('impact', 100))).toBe('allowed');
    expect(readPriorityItems(room, 'board-prio1')).toHaveLength(1);
  });

  it('W15 holds for a board made in the same update as its items', () => {
    const room = roomDoc();
    const both = (d: Y.Doc) => {
      addPrioritisationBoard(d, 'board-prio3', me(fay), at);
      addPriorityItem(d, 'board-prio3', { id: 'prio-item-03', text: 'Ok', impact: 1, effort: 1, author: me(fay), at });
      entryMap(d, 'board-prio3', 'prio-item-03').set('impact', 500);
    };
    expect(edit(room, fay, both)).toBe('W15');
  });
});
