import * as Y from 'yjs';
import { DocRoot } from '../doc/schema.ts';
import { carriesRefused, type RefusedId } from './refused-change.ts';

/**
 * After the relay refused one of this device's changes (SPEC W8, W9): which of the
 * changes it had not confirmed are already in the relay's copy, which one it refused,
 * and what to send again. The relay names the update it refused in its close reason
 * (refused-change.ts): that change is the refused one, whether or not the relay's copy
 * holds its effect by now (someone else made the same deletion), and none is when the
 * named update is not among them (content only on this device, sent in its sync answer).
 * Without a name (an older relay), the first change the relay does not hold is taken as
 * the refused one, as it judges a client's updates in the order sent and closes at the
 * first it refuses.
 *
 * When the relay refused a change because it does not take one of this device's Yjs
 * clients as its person's (SPEC W10, `refusedClient`), filling that client's clocks with
 * placeholders would be refused again, and again after every rollback: instead every
 * carried change that writes in that client is dropped (`dropped`), none of its clocks is
 * sent again, and the changes in other clients (a deletion adds none) are put back in
 * order. The session after a rollback writes under a new client id (a fresh document).
 */
export interface Rebase {
  /** The refused change (null when every change is in the relay's copy). */
  refused: Uint8Array | null;
  /**
   * What to apply to the relay's copy, in order: the refused change's clocks as empty
   * structs (its content and deletions dropped, so the changes after it can integrate),
   * then the changes after it. Parts of those built on the refused change (an entry of a
   * board it created, text typed into its text) land in nothing, as Yjs does with
   * content whose place is gone. After a W10 refusal, no placeholders: the changes in the
   * refused client are not put back at all.
   */
  replay: Uint8Array[];
  /** After a W10 refusal: every carried change in the refused client, not kept (the refused one among them). */
  dropped: Uint8Array[];
}

export function rebaseChanges(relay: Y.Doc, changes: readonly Uint8Array[], named?: RefusedId | null, refusedClient?: number | null): Rebase {
  const missing = changes.filter((update) => !holds(relay, update));
  if (refusedClient !== undefined && refusedClient !== null) {
    const dropped = missing.filter((update) => writesIn(update, refusedClient));
    if (dropped.length > 0) {
      const refused = (named && dropped.find((update) => carriesRefused(update, named))) || dropped[0]!;
      return { refused, replay: missing.filter((update) => !writesIn(update, refusedClient)), dropped };
    }
  }
  const at = named ? changes.findIndex((update) => carriesRefused(update, named)) : changes.findIndex((update) => !holds(relay, update));
  if (at < 0) return { refused: null, replay: missing, dropped: [] };
  const refused = changes[at]!;
  // In order, the refused change's clocks as empty structs where it stood: later changes of this device integrate.
  const replay = changes.flatMap((update, i) => (i === at ? [tombstoneOf(update)] : holds(relay, update) ? [] : [update]));
  return { refused, replay, dropped: [] };
}

/** Whether `update` takes clocks of `client` (structs in it; deletions take none). */
export function writesIn(update: Uint8Array, client: number): boolean {
  return Y.parseUpdateMeta(update).to.has(client);
}

/** True when applying `update` to `doc` would change nothing: every struct is there, every deletion done. */
export function holds(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) && !(struct instanceof Y.GC)) continue; // a hole in the update
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, ranges] of ds.clients) {
    const held = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (!held || clock + len > Y.getState(doc.store, client)) return false;
      for (let i = Y.findIndexSS(held, clock); i < held.length && held[i]!.id.clock < clock + len; i++) {
        if (!held[i]!.deleted) return false;
      }
    }
  }
  return true;
}

/**
 * The same clocks as `update`, as garbage-collected structs and no deletions (Yjs's
 * update format v1, as `encodeStateAsUpdate` writes a collected range). Applied, it fills
 * the clocks the refused change took, so the sender's later changes are not left waiting
 * for them, and it changes no content.
 */
export function tombstoneOf(update: Uint8Array): Uint8Array {
  const ranges = new Map<number, [number, number][]>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) && !(struct instanceof Y.GC)) continue;
    const list = ranges.get(struct.id.client) ?? [];
    list.push([struct.id.clock, struct.id.clock + struct.length]);
    ranges.set(struct.id.client, list);
  }
  const out: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      out.push(0x80 | (n & 0x7f));
      n = Math.floor(n / 128);
    }
    out.push(n);
  };
  varUint(ranges.size);
  for (const [client, list] of ranges) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of list) {
      const last = merged.at(-1);
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    const structs: [kind: number, length: number][] = [];
    merged.forEach(([from, to], i) => {
      if (i > 0) structs.push([skipRef, from - merged[i - 1]![1]]);
      structs.push([gcRef, to - from]);
    });
    varUint(structs.length);
    varUint(client);
    varUint(list[0]![0]);
    for (const [kind, length] of structs) {
      out.push(kind);
      varUint(length);
    }
  }
  varUint(0); // no deletions
  return Uint8Array.from(out);
}

/** Yjs's struct kinds in an update: a collected range, and a hole. */
const gcRef = 0;
const skipRef = 10;

/** What a change was about, in the terms the app shows. */
export type ChangeSubject =
  | { area: 'option'; label: string }
  | { area: 'item'; text: string }
  | { area: 'board' }
  | { area: 'comment' }
  | { area: 'brief' }
  | { area: 'document' };

/**
 * What `update` changes in `doc`, read on a copy of it (the document is not touched):
 * the deepest board option or item it changes, else its board, a comment, the brief.
 */
export function subjectOf(doc: Y.Doc, update: Uint8Array): ChangeSubject {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let subject: ChangeSubject = { area: 'document' };
  const rank = (s: ChangeSubject) => ['document', 'brief', 'comment', 'board', 'item', 'option'].indexOf(s.area);
  copy.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      const found = subjectAt(copy, type, keys);
      if (rank(found) > rank(subject)) subject = found;
    }
  });
  Y.applyUpdate(copy, update);
  copy.destroy();
  return subject;
}

type Shared = Y.Doc['share'] extends Map<string, infer T> ? T : never;

function subjectAt(doc: Y.Doc, type: Shared, keys: Set<string | null>): ChangeSubject {
  const chain: { key: string | null; type: Shared }[] = [];
  let current: Shared = type;
  while (current._item) {
    chain.unshift({ key: current._item.parentSub, type: current });
    current = current._item.parent as Shared;
  }
  const root = [...doc.share].find(([, t]) => t === current)?.[0];
  if (root === DocRoot.brief) return { area: 'brief' };
  if (root === DocRoot.comments) return { area: 'comment' };
  if (root !== DocRoot.methods) return { area: 'document' };
  // methods/<board>/<part>/<entry>: the entry is the changed map, or holds a changed key.
  const key = [...keys][0];
  const entry = chain.length >= 3 ? chain[2]!.type : chain.length === 2 && key && type instanceof Y.Map ? type.get(key) : null;
  if (entry instanceof Y.Map) {
    const label = entry.get('label');
    if (chain[1]!.key === 'options' && typeof label === 'string') return { area: 'option', label };
    const text = entry.get('text');
    if (typeof text === 'string') return { area: 'item', text };
  }
  return { area: 'board' };
}
