import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addOption, addProsConsBoard, addProsConsItem, editProsConsItem, moveProsConsItem } from '#core/doc/pros-cons';
import { addSwotItem, editSwotItem, moveSwotItem, showSwot } from '#core/doc/swot';
import { cid, edit, entryMap, fay, me, ola, roomDoc } from './judge-support.ts';

const at = new Date('2026-12-06T09:00:00Z');

function withEntries() {
  const room = roomDoc();
  expect(edit(room, cid, (d) => void addSwotItem(d, { id: 'swot-item-01', quadrant: 'strengths', text: 'Loyal customers', author: me(cid), at }))).toBe('allowed');
  expect(edit(room, fay, (d) => { addProsConsBoard(d, 'board-pros-1', me(fay), at); addOption(d, 'board-pros-1', 'option-tills', 'New tills'); })).toBe('allowed');
  expect(edit(room, cid, (d) => void addProsConsItem(d, 'board-pros-1', { id: 'pro-item-001', optionId: 'option-tills', side: 'pro', text: 'Faster', author: me(cid), at }))).toBe('allowed');
  return room;
}

describe('SWOT and pros and cons entries on the relay (SPEC W15)', () => {
  it("the app's own edits are allowed", () => {
    const room = withEntries();
    expect(edit(room, ola, (d) => editSwotItem(d, 'swot-item-01', 'Very loyal customers', me(ola), at))).toBe('allowed');
    expect(edit(room, ola, (d) => moveSwotItem(d, 'swot-item-01', 'opportunities', 0))).toBe('allowed');
    expect(edit(room, ola, (d) => editProsConsItem(d, 'board-pros-1', 'pro-item-001', 'Much faster', me(ola), at))).toBe('allowed');
    expect(edit(room, ola, (d) => moveProsConsItem(d, 'board-pros-1', 'pro-item-001', { optionId: 'option-tills', side: 'con', index: 0 }))).toBe('allowed');
  });

  it('a SWOT item holds only its own fields, each within bounds', () => {
    const room = withEntries();
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'swot', 'swot-item-01').set(field, value);
    expect(edit(room, ola, set('quadrant', 'nowhere'))).toBe('W15');
    expect(edit(room, ola, set('text', 'x'.repeat(2001)))).toBe('W15');
    expect(edit(room, ola, set('text', 42))).toBe('W15');
    expect(edit(room, ola, set('colour', 'red'))).toBe('W15');
    expect(edit(room, ola, (d) => void addSwotItem(d, { id: 'swot-item-02', quadrant: 'threats', text: 'Rents', author: me(ola), at }))).toBe('allowed');
  });

  it('showing the SWOT board is the facilitator’s (W5), and "shown" holds only true (W15)', () => {
    const room = withEntries();
    const board = (d: Y.Doc) => d.getMap('methods').get('swot') as Y.Map<unknown>;
    expect(edit(room, cid, (d) => showSwot(d))).toBe('W5');
    for (const value of [false, 'yes', 1, null]) expect(edit(room, fay, (d) => board(d).set('shown', value)), String(value)).toBe('W15');
    expect(edit(room, fay, (d) => showSwot(d))).toBe('allowed');
  });

  it('a pro or con holds only its own fields, each within bounds', () => {
    const room = withEntries();
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'board-pros-1', 'pro-item-001').set(field, value);
    expect(edit(room, ola, set('side', 'maybe'))).toBe('W15');
    expect(edit(room, ola, set('optionId', '!'))).toBe('W15');
    expect(edit(room, ola, set('weight', 3))).toBe('W15');
    expect(edit(room, ola, set('side', 'con'))).toBe('allowed');
  });
});
