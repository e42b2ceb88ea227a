import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/** A seeded generator, so that a failure can be replayed with the same frames. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syncFrame(step: number, payload: Uint8Array) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Valid frames of every kind, from a document that never met the test's real client. */
export function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getMap('fuzz').set('k', 'v');
  doc.getArray('list').insert(0, [1, 'two', { three: 3 }]);
  doc.getText('text').insert(0, 'hello world');
  doc.getText('text').delete(2, 3);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'fuzz' }, cursor: 7 });
  const aw = encoding.createEncoder();
  encoding.writeVarUint(aw, 1);
  encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  return [
    syncFrame(0, Y.encodeStateVector(doc)),
    syncFrame(1, Y.encodeStateAsUpdate(doc)),
    ...updates.map((u) => syncFrame(2, u)),
    encoding.toUint8Array(aw),
    new Uint8Array([3]),
  ];
}

export function mutate(frame: Uint8Array, rnd: () => number): Uint8Array {
  const out = Array.from(frame);
  const kind = Math.floor(rnd() * 6);
  const at = Math.floor(rnd() * Math.max(1, out.length));
  switch (kind) {
    case 0: // flip bits
      for (let i = 0; i < 1 + rnd() * 4; i++) {
        const j = Math.floor(rnd() * out.length);
        out[j] = (out[j] ?? 0) ^ (1 << Math.floor(rnd() * 8));
      }
      return new Uint8Array(out);
    case 1: // truncate
      return new Uint8Array(out.slice(0, at));
    case 2: // insert random bytes
      out.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 256)));
      return new Uint8Array(out);
    case 3: // huge varint where a length is expected
      out.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
      return new Uint8Array(out);
    case 4: // pure noise
      return new Uint8Array(Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256)));
    default: // duplicate a slice
      return new Uint8Array([...out, ...out.slice(at)]);
  }
}
