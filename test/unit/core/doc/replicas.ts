import * as Y from 'yjs';
import { seedDocument } from '#core/doc/seed';

/** Two replicas of one seeded document (`prepare` adds to the seed), and a hand sync between them. */
export function replicaPair(prepare: (seed: Y.Doc) => void = () => undefined) {
  const seed = new Y.Doc();
  seedDocument(seed);
  prepare(seed);
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(seed));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(seed));
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, sync };
}
