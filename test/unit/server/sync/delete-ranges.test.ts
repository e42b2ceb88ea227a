import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { TooMuchWork, UpdateReading } from '../../../../server/sync/rules/places.ts';
import { scanUpdate, UnreadableUpdate } from '../../../../server/sync/update-scan.ts';

/** A document whose one client holds `n` structs (each inserted at the front: none merge). */
function manyStructs(n: number) {
  const doc = new Y.Doc();
  for (let i = 0; i < n; i++) doc.getArray('a').insert(0, [i]);
  return doc;
}

/** A deletion-only update naming, for `client`, the (clock, len) ranges given, as written. */
function deleting(client: number, ranges: [number, number][]) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, ranges.length);
  for (const [clock, len] of ranges) {
    encoding.writeVarUint(e, clock);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}

describe('deleted ranges are sorted and apart, and the walk over them is bounded (SPEC U11)', () => {
  const structs = 2000;
  const doc = manyStructs(structs);
  const client = doc.clientID;
  const crafted = deleting(client, Array.from({ length: 5000 }, (): [number, number] => [0, structs]));

  it('the scan refuses ranges that repeat, overlap or go backwards, and a client listed twice', () => {
    expect(() => scanUpdate(crafted, 50_000)).toThrow(UnreadableUpdate);
    expect(() => scanUpdate(deleting(client, [[0, 10], [5, 10]]), 50_000)).toThrow(/overlap|order/);
    expect(() => scanUpdate(deleting(client, [[20, 5], [0, 5]]), 50_000)).toThrow(/overlap|order/);
    const twice = deleting(client, [[0, 1]]);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    for (let i = 0; i < 2; i++) encoding.writeUint8Array(e, twice.subarray(2));
    expect(() => scanUpdate(encoding.toUint8Array(e), 50_000)).toThrow(/listed twice/);
  });

  it('takes what Yjs writes: sorted, merged ranges, touching or apart', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    copy.on('update', (u: Uint8Array) => updates.push(u));
    copy.transact(() => {
      for (let i = 0; i < 100; i += 3) copy.getArray('a').delete(i, 2);
    });
    expect(scanUpdate(updates[0]!, 50_000).deletesUpTo.get(client)).toBeGreaterThan(0);
    expect(scanUpdate(deleting(client, [[0, 5], [5, 5], [20, 1]]), 50_000).deletesUpTo.get(client)).toBe(21);
    const reading = new UpdateReading(doc, updates[0]!);
    expect(reading.deletes.length).toBe(68);
    expect(reading.walked).toBe(68);
  });

  it('the judge stops walking past its bound, whatever the scan let through', () => {
    let err: unknown;
    try {
      new UpdateReading(doc, crafted, 10_000);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TooMuchWork);
    expect((err as TooMuchWork).walked).toBe(10_001);
    // Within the bound, each struct a range names is walked once.
    expect(new UpdateReading(doc, deleting(client, [[0, structs]])).walked).toBe(structs);
  });
});
