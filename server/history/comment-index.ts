import * as Y from 'yjs';

type Shared = Y.Doc['share'] extends Map<string, infer T> ? T : never;
type CommentMap = Y.Map<unknown>;

/**
 * A document's comments by id, kept up to date transaction by transaction from what each
 * added to the list, deleted from it or re-keyed, so that whether a comment is held (the
 * first in the list with its id, not marked removed: restore-plan.ts `holds`) is known
 * without walking the list. Work is reported through `count` (one per comment or struct
 * looked at), so a replay can be bounded (removals.ts).
 */
export class CommentIndex {
  private readonly idOf = new Map<CommentMap, string | null>();
  private readonly mapsOf = new Map<string, CommentMap[]>();
  private update: Uint8Array | null = null;
  private hadPending = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly list: Y.Array<unknown>,
    private readonly count: (n: number) => void,
  ) {
    for (const value of list) {
      count(1);
      if (value instanceof Y.Map) this.add(value as CommentMap);
    }
  }

  /** Every id some comment in the list has. */
  ids(): IterableIterator<string> {
    return this.mapsOf.keys();
  }

  holds(id: string): boolean {
    const maps = this.mapsOf.get(id);
    if (!maps || maps.length === 0) return false;
    const first = maps.length === 1 ? maps[0] : this.firstInList(id);
    return first !== undefined && !first.has('removed');
  }

  /** Says which update is about to be applied: the structs it adds are found from its state vector. */
  beforeApply(update: Uint8Array) {
    this.update = update;
    this.hadPending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /** The ids whose comment a change to `type` at `keys` (in `tr`) may have brought, taken or marked. */
  changed(tr: Y.Transaction, type: Shared, keys: Set<string | null>): string[] {
    if (type === this.list) return this.listChanged(tr);
    const item = type._item;
    if (!(type instanceof Y.Map) || !item || item.parent !== this.list) return [];
    const map = type as CommentMap;
    const before = this.idOf.get(map);
    if (before === undefined) return [];
    if (item.deleted) return ids([this.drop(map)]);
    if (!keys.has('id')) return ids([before]);
    this.drop(map);
    return ids([before, this.add(map)]);
  }

  private listChanged(tr: Y.Transaction): string[] {
    const out: (string | null | undefined)[] = [];
    const store = this.doc.store;
    // Taken out of the list: the delete set names them.
    for (const [client, ranges] of tr.deleteSet.clients) {
      const structs = store.clients.get(client);
      const last = structs?.at(-1);
      if (!structs || !last) continue;
      for (const range of ranges) {
        if (range.clock >= last.id.clock + last.length) continue;
        for (let i = Y.findIndexSS(structs, range.clock); i < structs.length && structs[i]!.id.clock < range.clock + range.len; i++) {
          this.count(1);
          const map = this.commentOf(structs[i]!);
          if (map) out.push(this.drop(map));
        }
      }
    }
    // Put in the list: the structs the transaction added, client by client from where it began.
    for (const client of this.clientsAdded(tr)) {
      const before = tr.beforeState.get(client) ?? 0;
      const structs = store.clients.get(client);
      if (!structs || (tr.afterState.get(client) ?? 0) <= before) continue;
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        this.count(1);
        const map = this.commentOf(structs[i]!);
        if (map && !map._item?.deleted && !this.idOf.has(map)) out.push(this.add(map));
      }
    }
    return ids(out);
  }

  /** The clients whose structs a transaction may have added: the update's own, or every one when pending structs may have joined. */
  private clientsAdded(tr: Y.Transaction): Iterable<number> {
    if (!this.update || this.hadPending) {
      this.count(tr.afterState.size);
      return tr.afterState.keys();
    }
    const clients = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(this.update)).keys();
    this.update = null;
    return clients;
  }

  private commentOf(struct: Y.Item | Y.GC): CommentMap | null {
    if (!(struct instanceof Y.Item) || struct.parent !== this.list || !(struct.content instanceof Y.ContentType)) return null;
    const type = struct.content.type;
    return type instanceof Y.Map ? (type as CommentMap) : null;
  }

  private add(map: CommentMap): string | null {
    const value = map.get('id');
    const id = typeof value === 'string' ? value : null;
    this.idOf.set(map, id);
    if (id !== null) {
      const maps = this.mapsOf.get(id);
      if (maps) maps.push(map);
      else this.mapsOf.set(id, [map]);
    }
    return id;
  }

  private drop(map: CommentMap): string | null | undefined {
    const id = this.idOf.get(map);
    this.idOf.delete(map);
    if (id === undefined || id === null) return id;
    const maps = this.mapsOf.get(id)?.filter((m) => m !== map) ?? [];
    if (maps.length > 0) this.mapsOf.set(id, maps);
    else this.mapsOf.delete(id);
    return id;
  }

  /** Two live comments share an id (a restore raced another): the first in the list is the one shown. */
  private firstInList(id: string): CommentMap | undefined {
    for (const value of this.list) {
      this.count(1);
      if (value instanceof Y.Map && value.get('id') === id) return value as CommentMap;
    }
    return undefined;
  }
}

const ids = (values: (string | null | undefined)[]): string[] => values.filter((v): v is string => typeof v === 'string');
