import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { listMethods } from '#core/doc/board-methods';
import { schemaVersionOf } from '#core/doc/schema';
import { seedDocument } from '#core/doc/seed';
import { addSwotItem, deleteSwotItem, editSwotItem, moveSwotItem, readSwotItems } from '#core/doc/swot';
import { groupByQuadrant } from '#core/methods/swot';

const alice = { id: 'alice-000001', name: 'Alice' };
const bruno = { id: 'bruno-000001', name: 'Bruno' };
const at = new Date('2026-03-01T10:00:00Z');

/** Two replicas of one seeded document, synced by hand. */
function pair() {
  const seed = new Y.Doc();
  seedDocument(seed);
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(seed));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(seed));
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, sync };
}

const texts = (doc: Y.Doc) => {
  const g = groupByQuadrant(readSwotItems(doc));
  return { s: g.strengths.map((i) => i.text), w: g.weaknesses.map((i) => i.text), o: g.opportunities.map((i) => i.text), t: g.threats.map((i) => i.text) };
};

describe('the SWOT board in the document', () => {
  it('is seeded with a version and a board of kind swot', () => {
    const { a } = pair();
    expect(schemaVersionOf(a)).toBe(1);
    expect(listMethods(a)).toEqual([{ id: 'swot', kind: 'swot' }]);
    expect(readSwotItems(a)).toEqual([]);
  });

  it('adds items with their author, at the end of their quadrant', () => {
    const { a } = pair();
    addSwotItem(a, { id: 'item-0000001', quadrant: 'strengths', text: 'Loyal customers', author: alice, at });
    addSwotItem(a, { id: 'item-0000002', quadrant: 'strengths', text: 'Central warehouse', author: bruno, at });
    expect(texts(a).s).toEqual(['Loyal customers', 'Central warehouse']);
    expect(readSwotItems(a).find((i) => i.id === 'item-0000002')).toMatchObject({ authorId: bruno.id, authorName: 'Bruno' });
  });

  it('refuses empty text and changes nothing', () => {
    const { a } = pair();
    expect(() => addSwotItem(a, { id: 'item-0000001', quadrant: 'threats', text: '   ', author: alice, at })).toThrow();
    expect(readSwotItems(a)).toEqual([]);
  });

  it('edits, moves between quadrants and deletes', () => {
    const { a } = pair();
    addSwotItem(a, { id: 'item-0000001', quadrant: 'strengths', text: 'One', author: alice, at });
    addSwotItem(a, { id: 'item-0000002', quadrant: 'strengths', text: 'Two', author: alice, at });
    expect(editSwotItem(a, 'item-0000001', 'One, edited', bruno, at)).toBe(true);
    expect(readSwotItems(a).find((i) => i.id === 'item-0000001')).toMatchObject({ text: 'One, edited', editedBy: bruno.id });
    moveSwotItem(a, 'item-0000002', 'strengths', 0);
    expect(texts(a).s).toEqual(['Two', 'One, edited']);
    moveSwotItem(a, 'item-0000001', 'threats', 0);
    expect(texts(a)).toMatchObject({ s: ['Two'], t: ['One, edited'] });
    expect(deleteSwotItem(a, 'item-0000002')).toBe(true);
    expect(deleteSwotItem(a, 'item-0000002')).toBe(false);
    expect(texts(a).s).toEqual([]);
  });

  it('keeps both changes when one person moves an item while another edits it', () => {
    const { a, b, sync } = pair();
    addSwotItem(a, { id: 'item-0000001', quadrant: 'opportunities', text: 'Lyon', author: alice, at });
    sync();
    moveSwotItem(a, 'item-0000001', 'threats', 0);
    editSwotItem(b, 'item-0000001', 'Lyon lease', bruno, at);
    sync();
    expect(texts(a)).toEqual(texts(b));
    expect(texts(a).t).toEqual(['Lyon lease']);
  });

  it('converges when two people reorder and insert at the same place at once', () => {
    const { a, b, sync } = pair();
    for (const [i, text] of ['A', 'B', 'C', 'D'].entries()) {
      addSwotItem(a, { id: `item-000000${i}`, quadrant: 'weaknesses', text, author: alice, at });
    }
    sync();
    moveSwotItem(a, 'item-0000003', 'weaknesses', 0);
    moveSwotItem(b, 'item-0000000', 'weaknesses', 4);
    addSwotItem(a, { id: 'item-00000a1', quadrant: 'weaknesses', text: 'X', author: alice, at, index: 1 });
    addSwotItem(b, { id: 'item-00000b1', quadrant: 'weaknesses', text: 'Y', author: bruno, at, index: 1 });
    sync();
    expect(texts(a).w).toEqual(texts(b).w);
    expect(texts(a).w.sort()).toEqual(['A', 'B', 'C', 'D', 'X', 'Y']);
    // Both inserted between the same neighbours: they may tie; the next insert between them still works.
    const w = groupByQuadrant(readSwotItems(a)).weaknesses;
    addSwotItem(a, { id: 'item-00000a2', quadrant: 'weaknesses', text: 'Z', author: alice, at, index: 2 });
    expect(groupByQuadrant(readSwotItems(a)).weaknesses).toHaveLength(w.length + 1);
  });

  it('skips an item a foreign client wrote without the schema', () => {
    const { a } = pair();
    const items = (a.getMap('methods').get('swot') as Y.Map<unknown>).get('items') as Y.Map<Y.Map<unknown>>;
    const bad = new Y.Map<unknown>();
    bad.set('text', 42);
    items.set('bad', bad);
    addSwotItem(a, { id: 'item-0000001', quadrant: 'strengths', text: 'Good', author: alice, at });
    expect(readSwotItems(a).map((i) => i.text)).toEqual(['Good']);
  });
});
