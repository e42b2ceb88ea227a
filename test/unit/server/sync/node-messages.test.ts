import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MalformedBatch, maxBatchBytes } from '../../../../server/cluster/bus-batch.ts';
import { nodeCodec, type NodeMessage } from '../../../../server/sync/node-messages.ts';
import { mutate, random } from '../../../support/fuzz.ts';
import { body, framed, later, leave, rateTaken } from '../../../support/node-batches.ts';

const readBatch = nodeCodec.read;
/** What a node writes in one batch of `format`. */
function writeBatch(from: string, messages: NodeMessage[], format = 2): Uint8Array {
  const batches = nodeCodec.write(from, messages, format);
  expect(batches).toHaveLength(1);
  return batches[0]!;
}

describe('what relay nodes say to each other (CLUSTER.md)', () => {
  it.each([1, 2])('every kind of message reads back as written in format %i, in order, a frame sent twice written once', (format) => {
    const frame = new Uint8Array([0, 1, 2, 3, 250]);
    const messages: NodeMessage[] = [
      { type: 'join', conn: 7, activityId: 'act-1', userId: 'u-1', userName: 'Zoé Ärmel', role: 'contributor' },
      { type: 'frame', conn: 7, frame },
      { type: 'send', conn: 8, frame },
      { type: 'leave', conn: 7 },
      { type: 'joined', conn: 9, upto: 1234 },
      { type: 'not-owner', conn: 9 },
      { type: 'close', conn: 9, code: 4403, reason: 'removed from the activity' },
      { type: 'committed', activityId: 'act-1', prevId: 41, id: 42, except: 0, frame },
      { type: 'access-changed', request: 1, activityId: 'act-1' },
      { type: 'renamed', request: 2, userId: 'u-1', name: 'Zoé' },
      { type: 'signed-out', request: 3, userId: 'u-1' },
      { type: 'files-changed', request: 9, activityId: 'act-1', added: ['file-1', 'file-2'], removed: [] },
      { type: 'sign-in-failed', account: 'bob@durand.example', address: '203.0.113.7' },
      { type: 'rate-taken', name: 'password-resets.email', key: 'dana@durand.example', at: 1796600000123 },
      { type: 'rate-given-back', name: 'invitations.inviter', key: 'u-1', at: 1796600000124 },
      { type: 'done', request: 3 },
      { type: 'state-ask', request: 4, activityId: 'act-1' },
      { type: 'change-ask', request: 5, activityId: 'act-1', userId: 'u-2', system: true, update: new Uint8Array([9, 8, 7]) },
      { type: 'answer', request: 4, answer: { kind: 'state', state: new Uint8Array([1, 2]) } },
      { type: 'answer', request: 5, answer: { kind: 'changed', id: 0 } },
      { type: 'answer', request: 6, answer: { kind: 'changed', id: null } },
      { type: 'answer', request: 7, answer: { kind: 'not-owner' } },
      { type: 'answer', request: 8, answer: { kind: 'refused', code: 'forbidden', message: 'Only a facilitator restores.' } },
    ];
    const written = writeBatch('node-a', messages, format);
    expect(readBatch(written)).toEqual({ from: 'node-a', messages, skipped: [] });
    // The shared frame is written once: the batch is smaller than with two copies.
    const once = writeBatch('node-a', [{ type: 'frame', conn: 1, frame }, { type: 'send', conn: 2, frame }], format);
    const twice = writeBatch('node-a', [{ type: 'frame', conn: 1, frame }, { type: 'send', conn: 2, frame: frame.slice() }], format);
    expect(once.length).toBeLessThan(twice.length);
  });

  it('kinds after format 1 (N18: rejoin) read back in format 2 and are left out for a node of format 1', () => {
    const messages: NodeMessage[] = [{ type: 'done', request: 1 }, { type: 'rejoin' }, { type: 'done', request: 2 }];
    expect(readBatch(writeBatch('node-a', messages, 2))).toEqual({ from: 'node-a', messages, skipped: [] });
    expect(readBatch(writeBatch('node-a', messages, 1)).messages).toEqual([{ type: 'done', request: 1 }, { type: 'done', request: 2 }]);
  });

  it('a batch from anything else is refused as malformed, not half read', () => {
    const written = writeBatch('node-a', [{ type: 'answer', request: 1, answer: { kind: 'state', state: new Uint8Array(50) } }]);
    expect(() => readBatch(written.slice(0, written.length - 10))).toThrow(MalformedBatch);
    const unknownAnswer = writeBatch('node-a', [{ type: 'answer', request: 1, answer: { kind: 'not-owner' } }]);
    unknownAnswer[unknownAnswer.length - 1] = 99;
    expect(() => readBatch(unknownAnswer)).toThrow(MalformedBatch);
  });
});

describe('a batch of a later version (CLUSTER.md N17)', () => {
  it('a kind this node does not know, between two it knows: the known ones are read, the unknown one skipped and named', () => {
    const read = readBatch(framed('node-b', [], [leave(7), later, rateTaken('u-1')]));
    expect(read.from).toBe('node-b');
    expect(read.messages).toEqual([
      { type: 'leave', conn: 7 },
      { type: 'rate-taken', name: 'comments.account', key: 'u-1', at: 1796600000123 },
    ]);
    expect(read.skipped).toEqual([40]);
  });

  it('a frame named by a message after an unknown one is still found: frames travel apart from the messages', () => {
    const frame = new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]);
    const send: [number, Uint8Array] = [
      5,
      body((e) => {
        encoding.writeVarUint(e, 3);
        encoding.writeVarUint(e, 0);
      }),
    ];
    const read = readBatch(framed('node-b', [frame], [later, send]));
    expect(read.messages).toEqual([{ type: 'send', conn: 3, frame }]);
  });

  it('a known kind with fields after those this version reads (a later version added them): read, the rest ignored', () => {
    const [kind, known] = leave(9);
    const read = readBatch(framed('node-b', [], [[kind, new Uint8Array([...known, 42, 42])]]));
    expect(read.messages).toEqual([{ type: 'leave', conn: 9 }]);
  });

  it('a node of the version before refuses a batch of format 2 at its first field: it cannot misread it', () => {
    const written = writeBatch('node-a', [{ type: 'leave', conn: 1 }], 2);
    expect(() => decoding.readVarString(decoding.createDecoder(written))).toThrow();
  });

  it('format 1 is written byte for byte as the version before wrote it (its bytes recorded from it), and read back', () => {
    const frame = new Uint8Array([0, 2, 1, 7]);
    const messages: NodeMessage[] = [
      { type: 'join', conn: 7, activityId: 'act-1', userId: 'u-1', userName: 'Zoé', role: 'contributor' },
      { type: 'send', conn: 7, frame },
      { type: 'send', conn: 8, frame },
      { type: 'answer', request: 8, answer: { kind: 'changed', id: 41 } },
      { type: 'rate-given-back', name: 'x', key: 'u-1', at: 1796600000124 },
    ];
    const before = '086e6f64652d6f6c64050007056163742d3103752d31045a6fc3a90b636f6e7472696275746f720507010400020107050800000e08012a12017803752d31427a24db46e7c000';
    expect(Buffer.from(writeBatch('node-old', messages, 1)).toString('hex')).toBe(before);
    expect(readBatch(Buffer.from(before, 'hex'))).toEqual({ from: 'node-old', messages, skipped: [] });
  });

  it('batches of the version before (format 1) are still read: every kind, frames written once', () => {
    const frame = new Uint8Array([0, 1, 2, 3, 250]);
    const messages: NodeMessage[] = [
      { type: 'frame', conn: 7, frame },
      { type: 'send', conn: 8, frame },
      { type: 'rate-given-back', name: 'invitations.inviter', key: 'u-1', at: 1796600000124 },
    ];
    // Format 1 as a node of the version before wrote it: the sender, the count, then each kind and its fields, a frame inline at its first use.
    const e = encoding.createEncoder();
    encoding.writeVarString(e, 'node-old');
    encoding.writeVarUint(e, 3);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, frame);
    encoding.writeVarUint(e, 5);
    encoding.writeVarUint(e, 8);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 18);
    encoding.writeVarString(e, 'invitations.inviter');
    encoding.writeVarString(e, 'u-1');
    encoding.writeFloat64(e, 1796600000124);
    expect(readBatch(encoding.toUint8Array(e))).toEqual({ from: 'node-old', messages, skipped: [] });
  });
});

describe('a malformed batch is refused whole, nothing read from it (CLUSTER.md N17)', () => {
  const good = () => framed('node-b', [new Uint8Array([1, 2, 3])], [leave(7), later, rateTaken('u-1')]);

  it('cut anywhere: every prefix of a batch is refused', () => {
    const whole = good();
    for (let n = 0; n < whole.length; n++) expect(() => readBatch(whole.slice(0, n)), `cut at ${n}`).toThrow(MalformedBatch);
    // Cut inside a larger buffer (Redis hands over slices of its own): still refused, nothing read past the end.
    const pool = new Uint8Array(whole.length + 64);
    pool.set(whole);
    expect(() => readBatch(pool.subarray(0, whole.length - 1))).toThrow(MalformedBatch);
  });

  it('a message longer than what is left of the batch, more messages or frames than bytes, bytes after the last message: refused', () => {
    const overlong = framed('node-b', [], [leave(7), [17, new Uint8Array(4)]]);
    overlong[overlong.length - 5] = 100; // the second message's length, before its 4 bytes: now beyond the batch
    expect(() => readBatch(overlong)).toThrow(MalformedBatch);
    const tooMany = framed('node-b', [], [leave(7)]);
    tooMany[tooMany.length - 4] = 0x7f; // the count of messages, before the one message's kind, length and body
    expect(() => readBatch(tooMany)).toThrow(MalformedBatch);
    const tooManyFrames = framed('node-b', [], []);
    tooManyFrames[tooManyFrames.length - 2] = 0x7f;
    expect(() => readBatch(tooManyFrames)).toThrow(MalformedBatch);
    expect(() => readBatch(new Uint8Array([...good(), 0]))).toThrow(MalformedBatch);
  });

  it('a known kind whose body does not read (a field past its end, a frame it does not have, an unknown role): refused', () => {
    expect(() => readBatch(framed('node-b', [], [leave(7), [17, new Uint8Array([3, 97])]]))).toThrow(MalformedBatch);
    expect(() => readBatch(framed('node-b', [], [[5, new Uint8Array([3, 0])]]))).toThrow(MalformedBatch);
    const join = body((e) => {
      encoding.writeVarUint(e, 1);
      for (const field of ['act-1', 'u-1', 'Zoé', 'emperor']) encoding.writeVarString(e, field);
    });
    expect(() => readBatch(framed('node-b', [], [[0, join]]))).toThrow(MalformedBatch);
  });

  it('a batch of a format this version does not know is refused, not guessed at', () => {
    const newer = good();
    newer[5] = 3;
    expect(() => readBatch(newer)).toThrow(MalformedBatch);
  });

  it('a batch larger than any a node writes is refused before it is read, in either format', () => {
    expect(() => readBatch(framed('node-b', [new Uint8Array(maxBatchBytes)], [leave(7)]))).toThrow(MalformedBatch);
    // Format 1 is written whole, as the version before did.
    expect(() => readBatch(writeBatch('node-old', [{ type: 'send', conn: 8, frame: new Uint8Array(maxBatchBytes) }], 1))).toThrow(MalformedBatch);
  });
});

describe('random and mangled batches (CLUSTER.md N17)', () => {
  it('3,000 of them, from a fixed seed: only MalformedBatch is thrown, a cut batch is always refused, nothing is invented', () => {
    const rnd = random(0x5eed);
    const frame = new Uint8Array([0, 2, 3, 1, 2, 3]);
    const written: NodeMessage[] = [
      { type: 'join', conn: 7, activityId: 'act-1', userId: 'u-1', userName: 'Zoé', role: 'contributor' },
      { type: 'send', conn: 7, frame },
      { type: 'committed', activityId: 'act-1', prevId: 3, id: 4, except: 7, frame },
      { type: 'rate-taken', name: 'comments.account', key: 'u-1', at: 1796600000123 },
      { type: 'answer', request: 2, answer: { kind: 'refused', code: 'busy', message: 'try again' } },
    ];
    const batches = [writeBatch('node-a', written, 2), framed('node-b', [frame], [leave(7), later, rateTaken('u-1')])];
    let read = 0;
    for (let i = 0; i < 3_000; i++) {
      const source = batches[i % 2]!;
      const noise = i % 3 === 0;
      const cut = i % 3 === 1;
      const input = noise
        ? new Uint8Array(Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256)))
        : cut
          ? source.slice(0, Math.floor(rnd() * source.length))
          : mutate(source, rnd);
      let result: ReturnType<typeof readBatch> | undefined;
      try {
        result = readBatch(input);
      } catch (err) {
        expect(err, `case ${i}`).toBeInstanceOf(MalformedBatch);
        continue;
      }
      read++;
      expect(noise || cut, `case ${i}: noise or a cut batch read`).toBe(false);
      expect(result.messages.length + result.skipped.length, `case ${i}`).toBeLessThanOrEqual(written.length);
    }
    // Some mangled batches still read (a flipped bit in a name): the test did reach the reading.
    expect(read).toBeGreaterThan(0);
  });
});
