import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addRaciBoard, addRaciColumn, addRaciTask, setRaciCell, setVariant } from '#core/doc/raci';
import { judgeContent } from '../../../../../server/sync/rules/content.ts';
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

describe('responsibility matrix values on the relay (SPEC W15): the variant’s letters, the columns, the variant', () => {
  const set = (field: string, value: unknown, part = 'items', id = 'task-000001') => (d: Y.Doc) => entryMap(d, 'board-raci1', id, part).set(field, value);
  const board = (d: Y.Doc) => d.getMap('methods').get('board-raci1') as Y.Map<unknown>;

  it('a cell takes only the letters of the board’s variant, as held or as the same update sets it', () => {
    const room = withTask();
    expect(edit(room, ola, set('cell:col-legal1', 'S'))).toBe('W15'); // RASIC's, not RACI's
    expect(edit(room, ola, set('cell:col-legal1', 'D'))).toBe('W15'); // DACI's
    expect(edit(room, fay, (d) => setVariant(d, 'board-raci1', 'daci'))).toBe('allowed');
    expect(edit(room, ola, set('cell:col-legal1', 'R'))).toBe('W15');
    expect(edit(room, ola, set('cell:col-legal1', 'D'))).toBe('allowed');
    expect(edit(room, fay, (d) => { setVariant(d, 'board-raci1', 'rasic'); set('cell:col-legal1', 'S')(d); })).toBe('allowed');
    expect(edit(room, fay, (d) => { board(d).set('variant', 'raci'); set('cell:col-legal1', 'S')(d); })).toBe('W15');
  });

  it('a task written with a letter outside the variant is refused whole', () => {
    const room = withTask();
    const task = (letter: string) => (d: Y.Doc) => {
      addRaciTask(d, 'board-raci1', { id: 'task-000002', text: 'Pay', author: me(ola), at });
      entryMap(d, 'board-raci1', 'task-000002').set('cell:col-legal1', letter);
    };
    expect(edit(room, ola, task('D'))).toBe('W15');
    expect(edit(room, ola, task('A'))).toBe('allowed');
  });

  it('the variant is one of the three, one plain value, facilitators’ too', () => {
    const room = withTask();
    for (const value of ['RACI', 'arci', 7, null, { v: 'raci' }]) expect(edit(room, fay, (d) => board(d).set('variant', value)), String(value)).toBe('W15');
    expect(edit(room, fay, (d) => board(d).set('variant', new Y.Text('raci')))).toBe('W15');
  });

  it('a column is a label of 1 to 120 characters, an order, maybe a member id; nothing else, facilitators’ too', () => {
    const room = withTask();
    for (const [field, value] of [
      ['label', ''],
      ['label', 'x'.repeat(121)],
      ['label', 42],
      ['personId', '!'],
      ['order', Number.NaN],
      ['colour', 'red'],
    ] as const) {
      expect(edit(room, fay, set(field, value, 'columns', 'col-legal1')), `${field}=${String(value)}`).toBe('W15');
    }
    expect(edit(room, fay, (d) => entryMap(d, 'board-raci1', 'col-legal1', 'columns').set('label', new Y.Text('Legal')))).toBe('W15');
    expect(edit(room, fay, (d) => (board(d).get('columns') as Y.Map<unknown>).set('col-plain1', 'Legal'))).toBe('W15');
    expect(edit(room, fay, set('label', 'Legal team', 'columns', 'col-legal1'))).toBe('allowed');
    expect(edit(room, fay, (d) => void addRaciColumn(d, 'board-raci1', 'col-ops0001', 'Ops'))).toBe('allowed');
  });
});

describe('a matrix column for a person names a member of the activity (SPEC W15)', () => {
  const names: Record<string, string> = { [cid.id]: cid.name, [ola.id]: ola.name };
  /** `change` made on a copy of `room` by the facilitator, judged with the activity's members (`names`); taken when allowed. */
  const judged = (room: Y.Doc, change: (d: Y.Doc) => void, members: Record<string, string> = names) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
    const before = Y.encodeStateVector(copy);
    change(copy);
    const update = Y.encodeStateAsUpdate(copy, before);
    const verdict = judgeContent(update, room, fay, undefined, undefined, { nameOf: (id) => members[id] });
    if (verdict.allowed) Y.applyUpdate(room, update);
    return verdict.allowed ? 'allowed' : `${verdict.rule}: ${verdict.reason}`;
  };
  const refusal = 'W15: "personId" names a member of this activity';
  const column = (d: Y.Doc, id: string) => entryMap(d, 'board-raci1', id, 'columns');

  it('on a matrix made in the same update, on a new column, and set on one that exists; a role column asks nothing', () => {
    const room = roomDoc();
    expect(judged(room, (d) => { addRaciBoard(d, 'board-raci1', me(fay), at); addRaciColumn(d, 'board-raci1', 'col-stray1', 'Stray', 'not-a-member'); })).toBe(refusal);
    expect(judged(room, (d) => { addRaciBoard(d, 'board-raci1', me(fay), at); addRaciColumn(d, 'board-raci1', 'col-cid001', 'Cid', cid.id); })).toBe('allowed');
    expect(judged(room, (d) => void addRaciColumn(d, 'board-raci1', 'col-fay001', 'Fay', fay.id))).toBe(refusal); // the facilitator is no member in this room
    expect(judged(room, (d) => void addRaciColumn(d, 'board-raci1', 'col-legal1', 'Legal'))).toBe('allowed');
    expect(judged(room, (d) => column(d, 'col-legal1').set('personId', 'not-a-member'))).toBe(refusal);
    expect(judged(room, (d) => column(d, 'col-legal1').set('personId', ola.id))).toBe('allowed');
  });

  it('only when written: a column whose member left keeps them, and its other fields change as any', () => {
    const room = roomDoc();
    expect(judged(room, (d) => { addRaciBoard(d, 'board-raci1', me(fay), at); addRaciColumn(d, 'board-raci1', 'col-ola001', 'Ola', ola.id); })).toBe('allowed');
    const olaLeft = { [cid.id]: cid.name };
    expect(judged(room, (d) => column(d, 'col-ola001').set('label', 'Ola (left)'), olaLeft)).toBe('allowed');
    expect(judged(room, (d) => column(d, 'col-ola001').set('personId', ola.id), olaLeft)).toBe(refusal);
    expect(judged(room, (d) => column(d, 'col-ola001').delete('personId'), olaLeft)).toBe('allowed');
  });
});
