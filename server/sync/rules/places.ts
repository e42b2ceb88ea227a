import * as Y from 'yjs';
import type { ClockRange } from '../delete-set.ts';

/** One level of a place in the document: the key an item sits under (null in an array), and the item. */
export interface Step {
  key: string | null;
  item: Y.Item;
}

/** Where an item is: its root type's name, then each level down to the item itself. */
export interface Place {
  root: string;
  steps: Step[];
}

/**
 * Most structs of the document one update's deleted ranges may name (SPEC U11): twice the
 * most a document holds (L4), so emptying a full document is always within it.
 */
export const maxStructsWalked = 2_000_000;

/** The update names more of the document than one update may (SPEC U11): refused, 4413. */
export class TooMuchWork extends Error {
  constructor(readonly walked: number) {
    super(`its deletions name more than ${walked - 1} structs`);
  }
}

/**
 * What an update would do to a document, read without changing either: the items it
 * inserts and the live items it deletes, each with its place (SPEC W1–W8). The room
 * document is only looked at (its store is searched, never split or written).
 */
export class UpdateReading {
  /** Items the update adds that the document does not hold yet, in the update's order. */
  readonly inserts: Y.Item[] = [];
  /** Live items of the document the update deletes. */
  readonly deletes: Y.Item[] = [];
  private readonly own = new Map<number, Y.Item[]>();
  private readonly places = new Map<Y.Item, Place | null>();
  private readonly containers = new Map<Y.Item, Container | null>();
  /** Some new item's origins loop: Yjs's outcome cannot be foreseen, so the update is refused. */
  tangled = false;
  private readonly ds: ReturnType<typeof Y.decodeUpdate>['ds'];
  /**
   * Clocks this update leaves deleted that the document holds live or does not hold yet
   * (its deleted ranges, its collected ranges), per client, for the delete set's size (U14).
   */
  readonly deleting = new Map<number, ClockRange[]>();

  /** Structs of the document the update's deleted ranges named, each walked once (SPEC U11). */
  walked = 0;

  constructor(
    readonly doc: Y.Doc,
    update: Uint8Array,
    maxWalk = maxStructsWalked,
  ) {
    const { structs, ds } = Y.decodeUpdate(update);
    this.ds = ds;
    for (const struct of structs) {
      const client = struct.id.client;
      const start = Math.max(struct.id.clock, Y.getState(doc.store, client));
      if (struct instanceof Y.GC && start < struct.id.clock + struct.length) this.leavesDeleted(client, start, struct.id.clock + struct.length);
      if (!(struct instanceof Y.Item)) continue;
      if (struct.id.clock + struct.length <= Y.getState(doc.store, client)) continue;
      let list = this.own.get(client);
      if (!list) this.own.set(client, (list = []));
      list.push(struct);
      this.inserts.push(struct);
    }
    for (const [client, ranges] of ds.clients) {
      const structs = doc.store.clients.get(client) ?? [];
      const held = Y.getState(doc.store, client);
      for (const { clock, len } of ranges) {
        // What it deletes of this update's own structs.
        if (clock + len > held) this.leavesDeleted(client, Math.max(clock, held), clock + len);
        const end = Math.min(clock + len, held);
        if (clock >= end) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i]!;
          if (struct.id.clock >= end) break;
          if (++this.walked > maxWalk) throw new TooMuchWork(this.walked);
          if (struct instanceof Y.Item && !struct.deleted) {
            this.deletes.push(struct);
            this.leavesDeleted(client, Math.max(clock, struct.id.clock), Math.min(end, struct.id.clock + struct.length));
          }
        }
      }
    }
  }

  /** Notes clocks [from, to) of `client` as left deleted by this update (U14). */
  leavesDeleted(client: number, from: number, to: number) {
    let list = this.deleting.get(client);
    if (!list) this.deleting.set(client, (list = []));
    list.push({ from, to });
  }

  /** True for an item this update brings (as opposed to one the document holds). */
  isNew(item: Y.Item): boolean {
    return item.id.clock + item.length > Y.getState(this.doc.store, item.id.client);
  }

  /** True when this update deletes the item (or the part of it at its first clock). */
  deletedHere(item: Y.Item): boolean {
    return Y.isDeleted(this.ds, item.id);
  }

  /** How many of the item's clocks this update deletes (its deleted ranges are sorted and apart: U11). */
  deletedWithin(item: Y.Item): number {
    const ranges = this.ds.clients.get(item.id.client);
    if (!ranges) return 0;
    const [from, to] = [item.id.clock, item.id.clock + item.length];
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ranges[mid]!.clock + ranges[mid]!.len <= from) low = mid + 1;
      else high = mid;
    }
    let n = 0;
    for (let i = low; i < ranges.length && ranges[i]!.clock < to; i++) n += Math.min(to, ranges[i]!.clock + ranges[i]!.len) - Math.max(from, ranges[i]!.clock);
    return n;
  }

  /** Where the item is; null when it lands in something already gone (Yjs drops it as deleted). */
  placeOf(item: Y.Item): Place | null {
    if (this.places.has(item)) return this.places.get(item)!;
    const where = this.isNew(item) ? this.containerOfNew(item) : containerOfHeld(item);
    let place: Place | null = null;
    if (where) {
      const base = typeof where.container === 'string' ? { root: where.container, steps: [] } : this.placeOf(where.container);
      if (base) place = { root: base.root, steps: [...base.steps, { key: where.key, item }] };
    }
    this.places.set(item, place);
    return place;
  }

  /**
   * A new item's parent as Yjs will integrate it: named, or taken from its origin (or
   * right origin), following chains of new items iteratively and remembering each, so a
   * long chain costs one walk. A chain that loops is marked `tangled`.
   */
  private containerOfNew(item: Y.Item): Container | null {
    const walked: Y.Item[] = [];
    let current = item;
    let found: Container | null = null;
    for (;;) {
      const known = this.containers.get(current);
      if (known !== undefined) {
        found = known;
        break;
      }
      walked.push(current);
      const parent = current.parent as unknown;
      if (typeof parent === 'string') {
        found = { container: parent, key: current.parentSub };
        break;
      }
      if (parent instanceof Y.ID) {
        const holder = this.itemAt(parent);
        const alive = holder && holder.content instanceof Y.ContentType && (this.isNew(holder) || !holder.deleted);
        found = alive ? { container: holder, key: current.parentSub } : null;
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      const next = neighbour ? this.itemAt(neighbour) : null;
      if (!next) break;
      if (!this.isNew(next)) {
        found = containerOfHeld(next);
        break;
      }
      if (walked.length > this.inserts.length) {
        this.tangled = true;
        break;
      }
      current = next;
    }
    for (const w of walked) this.containers.set(w, found);
    return found;
  }

  /** The item holding clock `id`: this update's own, else the document's (null for collected content). */
  private itemAt(id: Y.ID): Y.Item | null {
    const own = this.own.get(id.client);
    if (own && id.clock >= Y.getState(this.doc.store, id.client)) {
      // An update lists each client's structs by clock: search them in halves.
      let low = 0;
      let high = own.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const item = own[mid]!;
        if (id.clock < item.id.clock) high = mid - 1;
        else if (id.clock >= item.id.clock + item.length) low = mid + 1;
        else return item;
      }
      return null;
    }
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || id.clock >= Y.getState(this.doc.store, id.client)) return null;
    const struct = structs[Y.findIndexSS(structs, id.clock)];
    return struct instanceof Y.Item ? struct : null;
  }
}

type Container = { container: string | Y.Item; key: string | null };

/** A held item's parent: a root by name, or the item holding its parent type. */
function containerOfHeld(item: Y.Item): Container | null {
  const type = item.parent;
  if (!(type instanceof Y.AbstractType)) return null;
  if (type._item === null) return { container: Y.findRootTypeKey(type), key: item.parentSub };
  return { container: type._item, key: item.parentSub };
}
