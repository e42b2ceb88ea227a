import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MalformedBatch, maxBatchBytes, maxBatchMessages, readBatch, writeBatches, type MessageKinds } from '../../../../server/cluster/bus-batch.ts';

/** Two kinds of message: `note` (known to format 1) and `pin` (added later), each with a number and a frame. */
type Message = { type: 'note' | 'pin'; n: number; frame: Uint8Array };
const types = ['note', 'pin'] as const;
const kinds: MessageKinds<Message> = {
  kindOf: (m) => types.indexOf(m.type),
  formatOneKinds: 1,
  write: (e, m, frame) => {
    encoding.writeVarUint(e, m.n);
    frame(m.frame);
  },
  read: (kind, d, frame) => {
    const type = types[kind];
    return type && { type, n: decoding.readVarUint(d), frame: frame() };
  },
};

describe('batches between relay nodes (CLUSTER.md N17)', () => {
  it('messages too many for one batch go in several, in order, each read whole', () => {
    const frame = new Uint8Array([1, 2, 3]);
    const messages = Array.from({ length: maxBatchMessages + 5 }, (_, n): Message => ({ type: 'note', n, frame }));
    const batches = writeBatches(kinds, 'node-a', messages, 2);
    expect(batches).toHaveLength(2);
    expect(batches.flatMap((b) => readBatch(kinds, b).messages)).toEqual(messages);
  });

  it('messages too large for one batch go in several, each below the most a node reads', () => {
    const big = () => new Uint8Array(maxBatchBytes / 3);
    const messages: Message[] = [1, 2, 3].map((n) => ({ type: 'note', n, frame: big() }));
    const batches = writeBatches(kinds, 'node-a', messages, 2);
    expect(batches).toHaveLength(2);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(maxBatchBytes);
    expect(batches.flatMap((b) => readBatch(kinds, b).messages.map((m) => m.n))).toEqual([1, 2, 3]);
  });

  it('a batch claiming more messages than a node writes is refused', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 2 ** 32);
    encoding.writeVarUint(e, 2);
    encoding.writeVarString(e, 'node-b');
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, new Uint8Array([7]));
    encoding.writeVarUint(e, maxBatchMessages + 1);
    for (let i = 0; i <= maxBatchMessages; i++) encoding.writeUint8Array(e, new Uint8Array([0, 2, 1, 0]));
    expect(() => readBatch(kinds, encoding.toUint8Array(e))).toThrow(MalformedBatch);
  });

  it('in format 1 (to a node of the version before), kinds added since are left out: it could not skip them', () => {
    const frame = new Uint8Array([9]);
    const [batch, ...more] = writeBatches(kinds, 'node-a', [{ type: 'note', n: 1, frame }, { type: 'pin', n: 2, frame }, { type: 'note', n: 3, frame }], 1);
    expect(more).toHaveLength(0);
    expect(readBatch(kinds, batch!).messages.map((m) => m.n)).toEqual([1, 3]);
    // In format 2 the later kind goes too; a node not knowing it skips it.
    const [framed] = writeBatches(kinds, 'node-a', [{ type: 'note', n: 1, frame }, { type: 'pin', n: 2, frame }], 2);
    const noteOnly: MessageKinds<Message> = { ...kinds, read: (kind, d, f) => (kind === 0 ? kinds.read(kind, d, f) : undefined) };
    expect(readBatch(noteOnly, framed!)).toEqual({ from: 'node-a', messages: [{ type: 'note', n: 1, frame }], skipped: [1] });
  });

  it('nothing to say: one empty batch, read as empty', () => {
    const batches = writeBatches(kinds, 'node-a', [], 2);
    expect(batches.map((b) => readBatch(kinds, b))).toEqual([{ from: 'node-a', messages: [], skipped: [] }]);
  });
});
