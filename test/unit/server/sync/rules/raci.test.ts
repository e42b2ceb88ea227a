import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addRaciBoard, addRaciColumn, addRaciTask, setRaciCell, setVariant } from '#core/doc/raci';
import { cid, edit, entryMap, fay, me, ola, roomDoc } from './judge-support.ts';

const at = new Date('2026-12-06T09:00:00Z');

function withTask() {
  const room = roomDoc();
  expect(edit(room, fay, (d) => addRaciBoard(d, 'board-raci1', me(fay), at))).toBe('allowed');
  expect(edit(room, fay, (d) => void addRaciColumn(d, 'board-raci1', 'col-legal1', 'Legal'))).toBe('allowed');
  expect(edit(room, cid, (d) => addRaciTask(d, 'board-raci1', { id: 'task-000001', text: 'Sign', author: me(cid), at }))).toBe('allowed');
  return room;
}

describe('responsibility matrix on the relay (SPEC W5, W15)', () => {
  it('columns and variant are the facilitator’s; anyone sets a cell', () => {
    const room = withTask();
    expect(edit(room, ola, (d) => setRaciCell(d, 'board-raci1', 'task-000001', 'col-legal1', 'A'))).toBe('allowed');
    expect(edit(room, cid, (d) => void addRaciColumn(d, 'board-raci1', 'col-mine01', 'Me'))).toBe('W5');
    expect(edit(room, cid, (d) => setVariant(d, 'board-raci1', 'daci'))).toBe('W5');
    expect(edit(room, fay, (d) => setVariant(d, 'board-raci1', 'daci'))).toBe('allowed');
  });

  it('W15: a cell holds one of the letters, under a column id; no other field', () => {
    const room = withTask();
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'board-raci1', 'task-000001').set(field, value);
    expect(edit(room, ola, set('cell:col-legal1', 'X'))).toBe('W15');
    expect(edit(room, ola, set('cell:col-legal1', 'AA'))).toBe('W15');
    expect(edit(room, ola, set('cell:!', 'A'))).toBe('W15');
    expect(edit(room, ola, set('owner', 'me'))).toBe('W15');
    expect(edit(room, ola, set('cell:col-legal1', ''))).toBe('allowed');
  });
});
