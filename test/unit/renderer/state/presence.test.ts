import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { distinctPeople, readPresence } from '../../../../renderer/state/use-presence.ts';

/** Awareness as the relay forwards it: each state stamped with the person's id, name, role. */
function remote(clientId: number, user: { id: string; name: string; role: string }, editing: string | null) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const a = new Awareness(doc);
  a.setLocalState({ user, editing });
  return encodeAwarenessUpdate(a, [clientId]);
}

describe('presence', () => {
  it('lists who is here from the relay-stamped states, self first, and who edits what', () => {
    const local = new Awareness(new Y.Doc());
    local.setLocalState({ name: 'anything', editing: null });
    applyAwarenessUpdate(local, remote(11, { id: 'bruno-000001', name: 'Bruno', role: 'contributor' }, 'item-1'), 'relay');
    applyAwarenessUpdate(local, remote(12, { id: 'carol-000001', name: 'Carol', role: 'viewer' }, null), 'relay');
    applyAwarenessUpdate(local, remote(13, { id: 'bruno-000001', name: 'Bruno', role: 'contributor' }, null), 'relay');
    const present = readPresence(local, { id: 'alice-000001', name: 'Alice' });
    expect(present.map((p) => [p.name, p.self, p.editing])).toEqual([
      ['Alice', true, null],
      ['Bruno', false, 'item-1'],
      ['Bruno', false, null],
      ['Carol', false, null],
    ]);
    expect(distinctPeople(present).map((p) => p.name)).toEqual(['Alice', 'Bruno', 'Carol']);
  });

  it('ignores a state the relay did not stamp with a person', () => {
    const local = new Awareness(new Y.Doc());
    const doc = new Y.Doc();
    doc.clientID = 21;
    const stranger = new Awareness(doc);
    stranger.setLocalState({ name: 'I am the admin' });
    applyAwarenessUpdate(local, encodeAwarenessUpdate(stranger, [21]), 'relay');
    expect(readPresence(local, { id: 'alice-000001', name: 'Alice' }).map((p) => p.name)).toEqual(['Alice']);
  });
});
