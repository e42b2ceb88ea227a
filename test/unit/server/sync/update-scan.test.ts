import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { maxContentJsonBytes, maxContentJsonDepth, scanUpdate, TooManyEntries, UnreadableUpdate } from '../../../../server/sync/update-scan.ts';

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

  /** An update carrying `value` as an embed, a format value, or a JSON entry (Yjs's ContentEmbed, ContentFormat, ContentJSON). */
  const carrying = {
    embed: (value: object) => update((doc) => doc.getText('notes').insertEmbed(0, value)),
    format: (value: object) => update((doc) => doc.getText('notes').insert(0, 'a', { style: value })),
    json: (value: object) => {
      // ContentJSON is what Yjs before 13.5 wrote for arrays and maps; it still reads it: one JSON string per entry.
      const json = JSON.stringify(value);
      const bytes = [1, 1, 7, 0, 2, 1, 4, ...'root'.split('').map((c) => c.charCodeAt(0)), 1, ...varString(json), 0];
      return new Uint8Array(bytes);
    },
  };
  const nested = (depth: number): object => {
    let value: object = { leaf: true };
    for (let i = 1; i < depth; i++) value = [value];
    return value;
  };

  it.each(Object.keys(carrying) as (keyof typeof carrying)[])('reads an ordinary %s, and refuses one nested too deep or too large (SPEC U9)', (kind) => {
    expect(scanUpdate(carrying[kind](nested(maxContentJsonDepth)), 1000).inserts).toBeGreaterThan(0);
    expect(() => scanUpdate(carrying[kind](nested(maxContentJsonDepth + 1)), 1000)).toThrow(/too deep/);
    expect(() => scanUpdate(carrying[kind](nested(1000)), 1000)).toThrow(UnreadableUpdate);
    expect(() => scanUpdate(carrying[kind]({ big: 'x'.repeat(maxContentJsonBytes) }), 1000)).toThrow(/too large/);
  });
});

function update(edit: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  edit(doc);
  return Y.encodeStateAsUpdate(doc);
}

function varString(text: string): number[] {
  const utf8 = [...Buffer.from(text)];
  const length: number[] = [];
  let n = utf8.length;
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  length.push(n);
  return [...length, ...utf8];
}
