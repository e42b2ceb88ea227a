import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMethods, listMethods, methodKindOf } from '#core/doc/board-methods';
import { methodsOf } from '#core/doc/methods';
import { addOption, addProsConsBoard, addProsConsItem } from '#core/doc/pros-cons';
import { seedDocument } from '#core/doc/seed';
import { addSwotItem } from '#core/doc/swot';

const ana = { id: 'ANA0000001', name: 'Ana' };
const at = new Date('2026-12-04T10:00:00Z');

describe('board method registry', () => {
  it('seeds the boards every activity starts with, and each board matches its method schema', () => {
    const doc = new Y.Doc();
    seedDocument(doc, at);
    addSwotItem(doc, { id: 'ITEM000001', quadrant: 'threats', text: 'A rival', author: ana, at });
    addProsConsBoard(doc, 'BOARD00001', ana, at);
    addOption(doc, 'BOARD00001', 'OPTION0001', 'Lyon');
    addProsConsItem(doc, 'BOARD00001', { id: 'ITEM000002', optionId: 'OPTION0001', side: 'pro', text: 'Near', author: ana, at });
    expect(listMethods(doc)).toEqual([
      { id: 'BOARD00001', kind: 'pros-cons' },
      { id: 'swot', kind: 'swot' },
    ]);
    for (const { id, kind } of listMethods(doc)) {
      const method = boardMethods.find((m) => m.kind === kind)!;
      expect(method.schema.safeParse(methodsOf(doc).get(id)!.toJSON()).success, kind).toBe(true);
    }
  });

  it('knows no kind for a missing board or one of an unknown method', () => {
    const doc = new Y.Doc();
    const foreign = new Y.Map<unknown>();
    methodsOf(doc).set('FOREIGN001', foreign);
    foreign.set('kind', 'tarot');
    expect(methodKindOf(doc, 'FOREIGN001')).toBeNull();
    expect(methodKindOf(doc, 'nothing')).toBeNull();
    expect(listMethods(doc)).toEqual([]);
  });
});
