import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAgendaBoard, addAgendaDecision, addAgendaItem, deleteAgendaDecision, nextAgendaStep, pauseAgenda, setAgendaDecisionStatus, stopAgenda } from '#core/doc/agenda';
import { agendaNotesText, typeAgendaNotes } from '#core/doc/agenda-notes';
import { cid, edit, entryMap, fay, me, ola, roomDoc } from './judge-support.ts';

const at = new Date('2026-12-06T09:00:00Z');

function withItem() {
  const room = roomDoc();
  expect(edit(room, fay, (d) => addAgendaBoard(d, 'board-agenda', me(fay), at))).toBe('allowed');
  expect(edit(room, cid, (d) => void addAgendaItem(d, 'board-agenda', { id: 'item-000001', text: 'Budget', minutes: 10, author: me(cid), at }))).toBe('allowed');
  return room;
}

describe('agenda on the relay (SPEC W5, W15)', () => {
  it('the timer is the facilitator’s: a contributor starting, pausing or stopping it is refused', () => {
    const room = withItem();
    expect(edit(room, cid, (d) => void nextAgendaStep(d, 'board-agenda', at))).toBe('W5');
    expect(edit(room, fay, (d) => void nextAgendaStep(d, 'board-agenda', at))).toBe('allowed');
    expect(edit(room, ola, (d) => void pauseAgenda(d, 'board-agenda', at))).toBe('W5');
    expect(edit(room, ola, (d) => void stopAgenda(d, 'board-agenda', at))).toBe('W5');
    expect(edit(room, fay, (d) => void stopAgenda(d, 'board-agenda', at))).toBe('allowed');
  });

  it('anyone who edits changes an item’s own fields, within bounds (W15)', () => {
    const room = withItem();
    expect(edit(room, ola, (d) => void typeAgendaNotes(d, 'board-agenda', 'item-000001', 'Ask finance'))).toBe('allowed');
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'board-agenda', 'item-000001').set(field, value);
    expect(edit(room, ola, set('minutes', 601))).toBe('W15');
    expect(edit(room, ola, set('minutes', 0))).toBe('W15');
    expect(edit(room, ola, set('minutes', '10'))).toBe('W15');
    expect(edit(room, ola, set('notes', 'x'.repeat(4001)))).toBe('W15');
    expect(edit(room, ola, set('spentMs', -1))).toBe('W15');
    expect(edit(room, ola, set('running', true))).toBe('W15');
    expect(edit(room, ola, set('minutes', 20))).toBe('allowed');
  });

  it('W15 text field: an item’s notes are typed into by anyone who edits, within 4,000 characters, plain characters only', () => {
    const room = withItem();
    const notes = (d: Y.Doc) => agendaNotesText(d, 'board-agenda', 'item-000001')!;
    expect(edit(room, ola, (d) => notes(d).insert(0, 'Ask finance'))).toBe('allowed');
    expect(edit(room, cid, (d) => notes(d).insert(0, 'Cid: '))).toBe('allowed');
    expect(edit(room, cid, (d) => notes(d).delete(0, 5))).toBe('allowed');
    expect(edit(room, fay, (d) => notes(d).insert(11, 'x'.repeat(4000 - 11)))).toBe('allowed');
    // At the bound: one more is refused; replacing a selection within it is taken.
    expect(edit(room, ola, (d) => notes(d).insert(0, 'y'))).toBe('W15');
    expect(edit(room, ola, (d) => (notes(d).delete(0, 3), notes(d).insert(0, 'ASK')))).toBe('allowed');
  });

  it('W15 text field: crafted notes are refused, facilitators’ too: replaced, removed, a string, another type, formatting or embeds', () => {
    const room = withItem();
    const item = (d: Y.Doc) => entryMap(d, 'board-agenda', 'item-000001');
    const notes = (d: Y.Doc) => agendaNotesText(d, 'board-agenda', 'item-000001')!;
    for (const who of [ola, fay]) {
      expect(edit(room, who, (d) => item(d).set('notes', new Y.Text('mine alone')))).toBe('W15');
      expect(edit(room, who, (d) => item(d).set('notes', 'plain'))).toBe('W15');
      expect(edit(room, who, (d) => item(d).set('notes', new Y.Map()))).toBe('W15');
      expect(edit(room, who, (d) => item(d).set('notes', new Y.XmlText()))).toBe('W15');
      expect(edit(room, who, (d) => item(d).delete('notes'))).toBe('W15');
      expect(edit(room, who, (d) => notes(d).insert(0, 'bold', { bold: true }))).toBe('W15');
      expect(edit(room, who, (d) => notes(d).insertEmbed(0, { image: 'x' }))).toBe('W15');
      expect(edit(room, who, (d) => notes(d).insertEmbed(0, new Y.Map() as never))).toBe('W15');
    }
    // A new item brings its notes as an empty text, or a text within bounds; not a string, not over 4,000.
    const put = (notesValue: () => unknown) => (d: Y.Doc) => {
      const board = d.getMap('methods').get('board-agenda') as Y.Map<Y.Map<unknown>>;
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id: 'item-000002', text: 'Hiring', minutes: 5, order: 'b0', authorId: ola.id, authorName: ola.name, createdAt: at.toISOString() })) map.set(k, v);
      const value = notesValue();
      if (value !== undefined) map.set('notes', value);
      board.get('items')!.set('item-000002', map);
    };
    expect(edit(room, ola, put(() => 'plain'))).toBe('W15');
    expect(edit(room, ola, put(() => undefined))).toBe('W15');
    expect(edit(room, ola, put(() => new Y.Text('x'.repeat(4001))))).toBe('W15');
    expect(edit(room, ola, put(() => new Y.Text('Ready')))).toBe('allowed');
  });

  it('W15: the timer holds only what a timer takes, facilitators’ included', () => {
    const room = withItem();
    const board = (d: Y.Doc) => d.getMap('methods').get('board-agenda') as Y.Map<unknown>;
    expect(edit(room, fay, (d) => board(d).set('timer', { itemId: 'item-000001', startedAt: 'yesterday', elapsedMs: 0 }))).toBe('W15');
    expect(edit(room, fay, (d) => board(d).set('timer', { itemId: 'item-000001', startedAt: null, elapsedMs: -5 }))).toBe('W15');
    expect(edit(room, fay, (d) => board(d).set('timer', { itemId: 'item-000001', startedAt: null, elapsedMs: 0, extra: 'x'.repeat(100) }))).toBe('W15');
    expect(edit(room, fay, (d) => board(d).set('timer', new Y.Map()))).toBe('W15');
    expect(edit(room, fay, (d) => board(d).set('timer', { itemId: 'item-000001', startedAt: null, elapsedMs: 1000 }))).toBe('allowed');
    expect(edit(room, fay, (d) => addAgendaBoard(d, 'board-agenda2', me(fay), at))).toBe('allowed');
  });
});

describe('decisions taken from the agenda on the relay (SPEC W1, W5, W15)', () => {
  const decision = (who: typeof fay, id = 'decision-0001') => (d: Y.Doc) =>
    void addAgendaDecision(d, 'board-agenda', { id, itemId: 'item-000001', text: 'Keep the budget', status: 'proposed', author: me(who), at });

  it('the facilitator records them; a contributor does not', () => {
    const room = withItem();
    expect(edit(room, cid, decision(cid))).toBe('W5');
    expect(edit(room, fay, decision(fay))).toBe('allowed');
    expect(edit(room, ola, (d) => void setAgendaDecisionStatus(d, 'board-agenda', 'decision-0001', 'decided', me(ola), at))).toBe('W5');
    expect(edit(room, fay, (d) => void setAgendaDecisionStatus(d, 'board-agenda', 'decision-0001', 'decided', me(fay), at))).toBe('allowed');
    expect(edit(room, cid, (d) => void deleteAgendaDecision(d, 'board-agenda', 'decision-0001'))).toBe('W5');
    expect(edit(room, fay, (d) => void deleteAgendaDecision(d, 'board-agenda', 'decision-0001'))).toBe('allowed');
  });

  it('recorded under the facilitator’s own name, never changed after (W1)', () => {
    const room = withItem();
    expect(edit(room, fay, decision({ ...fay, name: 'Cid Contributor' }))).toBe('W1');
    expect(edit(room, fay, decision({ ...fay, id: cid.id }))).toBe('W1');
    expect(edit(room, fay, decision(fay))).toBe('allowed');
    expect(edit(room, fay, (d) => entryMap(d, 'board-agenda', 'decision-0001', 'decisions').set('authorName', 'Someone'))).toBe('W1');
    expect(edit(room, fay, (d) => entryMap(d, 'board-agenda', 'decision-0001', 'decisions').set('editedBy', cid.id))).toBe('W1');
  });

  it('each field within bounds, facilitators’ too (W15)', () => {
    const room = withItem();
    expect(edit(room, fay, decision(fay))).toBe('allowed');
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'board-agenda', 'decision-0001', 'decisions').set(field, value);
    for (const [field, value] of [
      ['status', 'maybe'],
      ['text', ''],
      ['text', 'x'.repeat(2001)],
      ['itemId', '!'],
      ['votes', 3],
    ] as const) {
      expect(edit(room, fay, set(field, value)), `${field}=${value}`).toBe('W15');
    }
    expect(edit(room, fay, set('text', 'Keep the 2027 budget'))).toBe('allowed');
  });
});
