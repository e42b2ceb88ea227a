import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { scanUpdate, TooManyEntries, UnreadableUpdate } from '../../../../server/sync/update-scan.ts';

function edits() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getText('notes').insert(0, 'hello');
  doc.getText('notes').insert(5, ' world');
  doc.getMap('board').set('k', { nested: [1, 2] });
  doc.getText('notes').delete(0, 2);
  return { doc, updates };
}

describe('scanUpdate (SPEC U1, U3)', () => {
  it('reads what Yjs reads: ranges, inserts, needs and deletions', () => {
    const { doc, updates } = edits();
    const client = doc.clientID;
    const whole = scanUpdate(Y.encodeStateAsUpdate(doc), 1000);
    expect(whole.ranges.get(client)).toEqual([{ from: 0, to: Y.getState(doc.store, client) }]);
    expect(whole.inserts).toBe(Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs.length);
    // The second insertion names the first as its origin.
    expect(scanUpdate(updates[1]!, 1000).needs.get(client)).toBe(4);
    expect(scanUpdate(updates[3]!, 1000)).toMatchObject({ inserts: 0, deletesUpTo: new Map([[client, 2]]) });
  });

  it('stops counting past the limit, before reading the rest', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 1000; i++) doc.getMap('m').set(`k${i}`, i);
    });
    expect(() => scanUpdate(Y.encodeStateAsUpdate(doc), 999)).toThrow(TooManyEntries);
    expect(scanUpdate(Y.encodeStateAsUpdate(doc), 1000).entries).toBe(1000);
  });

  it.each([
    ['noise', [200, 1, 2, 3]],
    ['a truncated update', [1, 1, 5, 0, 4]],
    ['an unknown content kind', [1, 1, 5, 0, 0x1f, 1, 1, 'a'.charCodeAt(0), 0]],
    ['a struct of length 0', [1, 1, 5, 0, 0, 0, 0]],
    ['a client listed twice', [2, 1, 5, 0, 0, 1, 1, 5, 1, 0, 1, 0]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => scanUpdate(new Uint8Array(bytes), 1000)).toThrow(UnreadableUpdate);
  });
});
