import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { newPart } from '../../../../server/sync/new-part.ts';

describe('newPart (SPEC U13)', () => {
  it('U13: an update that overlaps nothing the document holds is read as it is', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const update = Y.encodeStateAsUpdate(doc);
    const part = newPart(update, 100, () => 0);
    expect(part.update).toBe(update);
    expect(part.facts.overlaps).toBe(false);
  });

  it('U13, U10: a struct straddling the document’s clock is cut to its new tail, placed after the clock before it', () => {
    const client = new Y.Doc();
    client.getText('t').insert(0, 'hello');
    const room = new Y.Doc();
    Y.applyUpdate(room, Y.encodeStateAsUpdate(client));
    client.getText('t').insert(5, ' world');
    // One struct of 11 characters from clock 0: the room holds its first 5.
    const merged = Y.mergeUpdates([Y.encodeStateAsUpdate(client)]);
    const held = (c: number) => Y.getState(room.store, c);
    const part = newPart(merged, 100, held);
    expect(part.facts.overlaps).toBe(false);
    expect(part.facts.ranges.get(client.clientID)).toEqual([{ from: 5, to: 11 }]);
    const { structs } = Y.decodeUpdate(part.update);
    expect(structs).toHaveLength(1);
    const item = structs[0] as Y.Item;
    expect(item.id.clock).toBe(5);
    expect(item.origin).toEqual(Y.createID(client.clientID, 4));
    expect(part.facts.fresh.bytes).toBeLessThan(merged.length);
    Y.applyUpdate(room, part.update);
    expect(room.getText('t').toString()).toBe('hello world');
  });
});
