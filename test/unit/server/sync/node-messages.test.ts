import { describe, expect, it } from 'vitest';
import { MalformedBatch, readBatch, writeBatch, type NodeMessage } from '../../../../server/sync/node-messages.ts';

describe('what relay nodes say to each other (CLUSTER.md)', () => {
  it('every kind of message reads back as written, in order, a frame sent twice written once', () => {
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
    const written = writeBatch('node-a', messages);
    expect(readBatch(written)).toEqual({ from: 'node-a', messages });
    // The shared frame is written once: the batch is smaller than with two copies.
    const once = writeBatch('node-a', [{ type: 'frame', conn: 1, frame }, { type: 'send', conn: 2, frame }]);
    const twice = writeBatch('node-a', [{ type: 'frame', conn: 1, frame }, { type: 'send', conn: 2, frame: frame.slice() }]);
    expect(once.length).toBeLessThan(twice.length);
  });

  it('a batch from anything else is refused as malformed, not half read', () => {
    const written = writeBatch('node-a', [{ type: 'answer', request: 1, answer: { kind: 'state', state: new Uint8Array(50) } }]);
    expect(() => readBatch(written.slice(0, written.length - 10))).toThrow(MalformedBatch);
    const unknownAnswer = writeBatch('node-a', [{ type: 'answer', request: 1, answer: { kind: 'not-owner' } }]);
    unknownAnswer[unknownAnswer.length - 1] = 99;
    expect(() => readBatch(unknownAnswer)).toThrow(MalformedBatch);
  });
});
