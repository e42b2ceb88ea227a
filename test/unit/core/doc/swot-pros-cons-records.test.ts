import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardsOnRecord, boardTables } from '#core/doc/board-records';
import { addOption, addProsConsBoard, addProsConsItem } from '#core/doc/pros-cons';
import { seedDocument } from '#core/doc/seed';
import { addSwotItem } from '#core/doc/swot';

const alice = { id: 'alice-000001', name: 'Alice' };
const at = new Date('2026-12-06T09:00:00Z');

function activity() {
  const doc = new Y.Doc();
  seedDocument(doc, at);
  addSwotItem(doc, { id: 'swot-item-01', quadrant: 'threats', text: 'Rents rise', author: alice, at });
  addSwotItem(doc, { id: 'swot-item-02', quadrant: 'strengths', text: 'Loyal customers', author: alice, at });
  addProsConsBoard(doc, 'board-pros-1', alice, at);
  addOption(doc, 'board-pros-1', 'option-tills', 'New tills');
  addOption(doc, 'board-pros-1', 'option-keep1', 'Keep the old ones');
  addProsConsItem(doc, 'board-pros-1', { id: 'pro-item-001', optionId: 'option-tills', side: 'pro', text: 'Faster', author: alice, at });
  addProsConsItem(doc, 'board-pros-1', { id: 'con-item-001', optionId: 'option-tills', side: 'con', text: 'Training', author: alice, at });
  return doc;
}

describe('SWOT and pros and cons on the decision record and in the exports', () => {
  it('the record says each board in English and French, quadrant by quadrant and option by option', () => {
    const boards = boardsOnRecord(activity());
    expect(boards.map((b) => b.kind)).toEqual(['swot', 'pros-cons']);
    expect(boards[0]!.en).toEqual({ title: 'SWOT', lines: ['Strengths: Loyal customers', 'Threats: Rents rise'] });
    expect(boards[0]!.fr).toEqual({ title: 'SWOT (forces, faiblesses, opportunités, menaces)', lines: ['Forces : Loyal customers', 'Menaces : Rents rise'] });
    expect(boards[1]!.en).toEqual({ title: 'Pros and cons', lines: ['New tills: pros: Faster; cons: Training', 'Keep the old ones: no pros; no cons'] });
    expect(boards[1]!.fr).toEqual({ title: 'Pour et contre', lines: ['New tills : pour : Faster ; contre : Training', 'Keep the old ones : aucun pour ; aucun contre'] });
  });

  it('an empty SWOT board says nothing', () => {
    const doc = new Y.Doc();
    seedDocument(doc, at);
    expect(boardsOnRecord(doc)).toEqual([]);
  });

  it('each board is a table for CSV, with the option named beside each pro and con', () => {
    const tables = new Map(boardTables(activity()).map((t) => [t.kind, t.rows]));
    expect(tables.get('swot')).toEqual([
      ['id', 'quadrant', 'text', 'author', 'createdAt'],
      ['swot-item-02', 'strengths', 'Loyal customers', 'Alice', at.toISOString()],
      ['swot-item-01', 'threats', 'Rents rise', 'Alice', at.toISOString()],
    ]);
    expect(tables.get('pros-cons')).toEqual([
      ['id', 'option', 'side', 'text', 'author', 'createdAt'],
      ['pro-item-001', 'New tills', 'pro', 'Faster', 'Alice', at.toISOString()],
      ['con-item-001', 'New tills', 'con', 'Training', 'Alice', at.toISOString()],
    ]);
  });
});
