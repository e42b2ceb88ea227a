import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { actionItemsMap, addActionItem, addActionItemsBoard, listActionBoards, setActionStatus } from '#core/doc/action-items';
import { methodsOf } from '#core/doc/methods';
import { actionFacts, type ActionFact } from '../../../../server/sync/action-facts.ts';
import { initialDocumentUpdate } from '../../../../server/activities/brief-seed.ts';

const fay = { id: 'fay-0000001', name: 'Fay' };
const at = new Date('2026-12-05T09:00:00Z');

/** A room as the relay loads it (updates applied, no root asked for by type), and the facts of each transaction. */
function room() {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialDocumentUpdate(''));
  const facts: ActionFact[][] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => facts.push(actionFacts(doc, tr)));
  /** A client's change, made on a copy and applied to the room as one update. */
  const change = (edit: (d: Y.Doc) => void) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    edit(copy);
    facts.length = 0;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy, before));
    return facts.flat().map((f) => [f.board, f.item, f.now?.status ?? null]);
  };
  return { doc, change };
}

const add = (board: string, id: string) => (d: Y.Doc) => addActionItem(d, board, { id, title: id, owner: fay, due: '2026-12-20', author: fay, at });

describe('what a transaction did to action items (the relay’s index)', () => {
  it('names the board and its items when a board comes with items, in the room’s first transaction', () => {
    const { change } = room();
    const facts = change((d) => {
      addActionItemsBoard(d, 'board-000001', fay, at);
      add('board-000001', 'item-000001')(d);
    });
    expect(facts).toEqual([
      ['board-000001', null, null],
      ['board-000001', 'item-000001', 'todo'],
    ]);
  });

  it('names an added, changed and removed item; a removed board; nothing for other boards', () => {
    const { doc, change } = room();
    change((d) => addActionItemsBoard(d, 'board-000001', fay, at));
    expect(change(add('board-000001', 'item-000001'))).toEqual([['board-000001', 'item-000001', 'todo']]);
    expect(change((d) => setActionStatus(d, 'board-000001', 'item-000001', 'done', fay, at))).toEqual([['board-000001', 'item-000001', 'done']]);
    expect(change((d) => actionItemsMap(d, 'board-000001')!.delete('item-000001'))).toEqual([['board-000001', 'item-000001', null]]);
    expect(change((d) => methodsOf(d).get('swot')!.set('kind', 'swot'))).toEqual([]);
    expect(change((d) => methodsOf(d).delete('board-000001'))).toEqual([['board-000001', null, null]]);
    expect(listActionBoards(doc)).toEqual([]);
  });
});
