import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { stampIdentity } from '../../../../server/sync/awareness.ts';

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
