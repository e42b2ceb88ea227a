import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { listProsConsBoards, readProsConsBoard } from '#core/doc/pros-cons';
import { seedDocument } from '#core/doc/seed';
import {
  addOption,
  addProsConsBoard,
  addProsConsItem,
  deleteProsConsItem,
  editProsConsItem,
  moveProsConsItem,
  nudgeProsConsItem,
  removeOption,
  renameOption,
} from '../../../../renderer/actions/pros-cons.ts';

const me = { id: 'alice-000001', name: 'Alice' };

describe('pros and cons actions on a plain Y.Doc', () => {
  it('add boards and options, then add, nudge, move, edit and delete items', () => {
    const doc = new Y.Doc();
    seedDocument(doc);
    const board = addProsConsBoard(doc, me, new Date('2026-03-01T10:00:00Z'));
    const second = addProsConsBoard(doc, me, new Date('2026-03-01T10:05:00Z'));
    expect(listProsConsBoards(doc)).toEqual([board, second]);
    const lyon = addOption(doc, board, 'Lyon');
    const wait = addOption(doc, board, 'Wait');
    const a = addProsConsItem(doc, board, me, lyon.id, 'pro', 'A');
    addProsConsItem(doc, board, me, lyon.id, 'pro', 'B');
    nudgeProsConsItem(doc, board, a.id, lyon.id, 'pro', 0, 1);
    const view = () => readProsConsBoard(doc, board)!.options.map((v) => [v.option.label, v.pro.map((i) => i.text), v.con.map((i) => i.text)]);
    expect(view()).toEqual([['Lyon', ['B', 'A'], []], ['Wait', [], []]]);
    moveProsConsItem(doc, board, a.id, wait.id, 'con');
    editProsConsItem(doc, board, me, a.id, 'A as a con');
    renameOption(doc, board, wait.id, 'Wait a year');
    expect(view()).toEqual([['Lyon', ['B'], []], ['Wait a year', [], ['A as a con']]]);
    deleteProsConsItem(doc, board, a.id, 'A');
    removeOption(doc, board, lyon.id, 'Lyon');
    expect(view()).toEqual([['Wait a year', [], []]]);
    expect(readProsConsBoard(doc, second)!.options).toEqual([]);
  });
});
