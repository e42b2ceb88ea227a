import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  MalformedFrame,
  readClientMessage,
  writePermissionDenied,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from '../../../../server/sync/frames.ts';

function anUpdate() {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'v');
  return Y.encodeStateAsUpdate(doc);
}

describe('frames (SPEC L2)', () => {
  it('reads what it writes: step 1, step 2, update', () => {
    const sv = Y.encodeStateVector(new Y.Doc());
    expect(readClientMessage(writeSyncStep1(sv))).toEqual({ type: 'sync-step1', stateVector: sv });
    const update = anUpdate();
    expect(readClientMessage(writeSyncStep2(update))).toEqual({ type: 'sync-update', update, step: 'step2' });
    expect(readClientMessage(writeUpdate(update))).toEqual({ type: 'sync-update', update, step: 'update' });
  });

  it('reads a query for awareness', () => {
    expect(readClientMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' });
  });

  it.each([
    ['empty', []],
    ['unknown message type', [9]],
    ['auth from a client', [2, 0]],
    ['unknown sync step', [0, 7, 0]],
    ['truncated length', [0, 2, 5, 1]],
    ['a length past the end of the frame', [0, 2, 5, 0, 0]],
    ['a varint that never ends', [0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => readClientMessage(new Uint8Array(bytes))).toThrow(MalformedFrame);
  });

  it('writes permission-denied as y-protocols/auth reads it', () => {
    const d = decoding.createDecoder(writePermissionDenied('read-only: viewers cannot edit'));
    expect([decoding.readVarUint(d), decoding.readVarUint(d), decoding.readVarString(d)]).toEqual([
      2,
      0,
      'read-only: viewers cannot edit',
    ]);
  });
});
