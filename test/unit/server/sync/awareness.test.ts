import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { AwarenessRefused, jsonDepth, readAwareness, stampIdentity, writeStamped } from '../../../../server/sync/awareness.ts';

const who = { id: 'user-bob-01', name: 'Bob Martin', role: 'contributor' };

function decode(update: Uint8Array) {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awarenessProtocol.applyAwarenessUpdate(awareness, update, 'test');
  return awareness.getStates();
}

describe('stampIdentity (SPEC A1)', () => {
  it('overwrites who the state claims to be, keeping the rest', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { id: 'ceo', name: 'The CEO', color: '#123456' }, editing: 'item-7' });
    const stamped = stampIdentity(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]), who);
    expect(stamped.clients).toEqual([doc.clientID]);
    expect(decode(stamped.update).get(doc.clientID)).toEqual({ user: { ...who, color: '#123456' }, editing: 'item-7' });
  });

  it('adds an identity to a state that had none, and keeps a removal a removal', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ cursor: 3 });
    const stamped = stampIdentity(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]), who);
    expect(decode(stamped.update).get(doc.clientID)).toEqual({ cursor: 3, user: who });
    awareness.setLocalState(null);
    const removal = stampIdentity(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]), who);
    expect(decode(removal.update).has(doc.clientID)).toBe(false);
  });

  it('refuses an update whose state is not JSON', () => {
    expect(() => stampIdentity(new Uint8Array([1, 5, 1, 3, 123, 120, 125]), who)).toThrow();
  });
});

describe('readAwareness bounds (SPEC L5, L6)', () => {
  const update = (json: string) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 9);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, json);
    return encoding.toUint8Array(e);
  };

  it('measures nesting without recursion, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{\\"]]"}]}')).toBe(3);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('"x"')).toBe(0);
    expect(jsonDepth('['.repeat(1_000_000), 16)).toBe(17);
  });

  it('refuses a state nested past the limit, and one over the size cap', () => {
    expect(() => readAwareness(update('['.repeat(17) + ']'.repeat(17)), 1000)).toThrow(AwarenessRefused);
    expect(readAwareness(update('['.repeat(16) + ']'.repeat(16)), 1000)).toHaveLength(1);
    expect(() => readAwareness(update(JSON.stringify({ big: 'x'.repeat(2000) })), 1000)).toThrow(/too large/);
  });
});

describe('presenting a file is a facilitator’s (SPEC A5)', () => {
  const files = { has: (id: string) => id === 'file-offer-0001' };
  const fay = { id: 'user-fay-01', name: 'Fay Facilitator', role: 'facilitator' };
  const stampedState = (state: Record<string, unknown>, as: typeof who) => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(state);
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    return decode(writeStamped(readAwareness(update, 16 * 1024), as, files)).get(doc.clientID);
  };

  it("keeps a facilitator's presentation of a file of the activity", () => {
    expect(stampedState({ presenting: { fileId: 'file-offer-0001', page: 3 } }, fay)).toEqual({ presenting: { fileId: 'file-offer-0001', page: 3 }, user: fay });
  });

  it("drops anyone else's, and a facilitator's naming another file or a page out of bounds, keeping the rest", () => {
    expect(stampedState({ presenting: { fileId: 'file-offer-0001', page: 3 }, editing: 'item-1' }, who)).toEqual({ editing: 'item-1', user: who });
    expect(stampedState({ presenting: { fileId: 'file-other-0001', page: 3 } }, fay)).toEqual({ user: fay });
    expect(stampedState({ presenting: { fileId: 'file-offer-0001', page: 0 } }, fay)).toEqual({ user: fay });
    expect(stampedState({ presenting: { fileId: 'file-offer-0001', page: 2, extra: 1 } }, fay)).toEqual({ user: fay });
    expect(stampedState({ presenting: 'file-offer-0001' }, fay)).toEqual({ user: fay });
  });
});
