import * as Y from 'yjs';
import { scanUpdate, type UpdateFacts } from './update-scan.ts';

/**
 * The part of an update the document does not hold yet, and its facts (SPEC U13). Yjs
 * integrates a struct that starts at clocks the document holds from the document's clock
 * on, after the sender's own item there, whatever the struct says its place is; so the
 * scan, the judge and the apply all read the update cut to what is new (`Y.diffUpdate`
 * against the document's clocks for the update's clients), never the struct as sent.
 * An update that overlaps nothing is used as it is (no copy). Throws as `scanUpdate` does.
 */
export function newPart(update: Uint8Array, maxEntries: number, held: (client: number) => number): { update: Uint8Array; facts: UpdateFacts } {
  const facts = scanUpdate(update, maxEntries, held);
  if (!facts.overlaps) return { update, facts };
  const state = new Map<number, number>();
  for (const client of facts.ranges.keys()) state.set(client, held(client));
  const cut = Y.diffUpdate(update, Y.encodeStateVector(state));
  return { update: cut, facts: scanUpdate(cut, maxEntries, held) };
}
