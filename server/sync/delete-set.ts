import * as Y from 'yjs';

/**
 * The document's delete set as clients encode it (SPEC U14). Every sync step 2 a client
 * writes carries the whole delete set of its document, whatever it is asked for: were its
 * encoding to pass a frame (L1), every client holding the document would be closed 1009
 * each time it syncs. So its size is kept: measured exactly at load and at each snapshot
 * (one walk of the structs), and between them raised by each applied change by at most
 * what it can add (merges only shrink it).
 */

/** Bytes of an unsigned varint, as lib0 writes it. */
export function varUintBytes(n: number): number {
  let bytes = 1;
  while (n > 0x7f) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

/** A range of clocks of one Yjs client, [from, to). */
export interface ClockRange {
  from: number;
  to: number;
}

/** Whether the document holds clock `clock` of `client` as deleted (collected ranges included). */
export function deletedAt(doc: Y.Doc, client: number, clock: number): boolean {
  if (clock < 0) return false;
  const structs = doc.store.clients.get(client);
  if (!structs || clock >= Y.getState(doc.store, client)) return false;
  return structs[Y.findIndexSS(structs, clock)]!.deleted;
}

/**
 * At most how many bytes the delete set grows when the clocks of `ranges` (per client;
 * in any order, possibly overlapping) become deleted, where `deletedBefore` says what was
 * deleted already and `listed` which clients the delete set names already. A range that
 * stands alone adds its clock and length; one that joins a deleted neighbour lengthens it
 * (at most its length's bytes); one that joins two neighbours makes one range of two.
 */
export function deleteSetGrowth(
  ranges: Map<number, ClockRange[]>,
  deletedBefore: (client: number, clock: number) => boolean,
  listed: (client: number) => boolean,
): number {
  let bytes = 0;
  for (const [client, list] of ranges) {
    if (list.length === 0) continue;
    const runs = merged(list);
    // The client's entry: its id, and its count of ranges (which grows by at most as many bytes as the new count takes).
    bytes += (listed(client) ? 0 : varUintBytes(client)) + varUintBytes(runs.length);
    for (const { from, to } of runs) {
      const left = deletedBefore(client, from - 1);
      const right = deletedBefore(client, to);
      if (left && right) continue;
      bytes += (left || right ? 0 : varUintBytes(from)) + varUintBytes(to - from);
    }
  }
  return bytes;
}

/** The ranges sorted and joined where they touch or overlap. */
function merged(list: ClockRange[]): ClockRange[] {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  const out: ClockRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/** The delete set's encoding, measured exactly: its bytes and the clients it names. */
export function measureDeleteSet(doc: Y.Doc): { bytes: number; clients: Set<number> } {
  const clients = new Set<number>();
  let bytes = 0;
  for (const [client, structs] of doc.store.clients) {
    let ranges = 0;
    let rangeBytes = 0;
    let start = -1;
    for (const struct of structs) {
      const clock = struct.id.clock;
      if (struct.deleted) {
        if (start < 0) start = clock;
        continue;
      }
      if (start >= 0) {
        ranges++;
        rangeBytes += varUintBytes(start) + varUintBytes(clock - start);
        start = -1;
      }
    }
    if (start >= 0) {
      ranges++;
      rangeBytes += varUintBytes(start) + varUintBytes(Y.getState(doc.store, client) - start);
    }
    if (ranges === 0) continue;
    clients.add(client);
    bytes += varUintBytes(client) + varUintBytes(ranges) + rangeBytes;
  }
  return { bytes: bytes + varUintBytes(clients.size), clients };
}

/**
 * What the room knows of its delete set's size, and how much of it each person's changes
 * added since the room was loaded (a contributor's share, SPEC U14).
 */
export class DeleteSetSize {
  private bytes = 1;
  private clients = new Set<number>();
  private readonly shares = new Map<string, number>();

  /** Measured exactly (load, snapshot); shares shrink in proportion to what merges and snapshots gave back. */
  recount(doc: Y.Doc) {
    const estimated = this.bytes;
    const measured = measureDeleteSet(doc);
    this.bytes = measured.bytes;
    this.clients = measured.clients;
    if (measured.bytes >= estimated) return;
    const ratio = measured.bytes / estimated;
    for (const [person, share] of this.shares) this.shares.set(person, Math.floor(share * ratio));
  }

  get total(): number {
    return this.bytes;
  }

  of(person: string): number {
    return this.shares.get(person) ?? 0;
  }

  listed = (client: number) => this.clients.has(client);

  /** An applied transaction deleted `ranges` (its own delete set): counted against `person`. */
  deleted(person: string, doc: Y.Doc, ranges: Map<number, ClockRange[]>) {
    // After the transaction: a neighbour deleted now was deleted before (Yjs merged this
    // transaction's own ranges, so each range's neighbours lie outside it).
    const growth = deleteSetGrowth(ranges, (client, clock) => deletedAt(doc, client, clock), this.listed);
    for (const client of ranges.keys()) this.clients.add(client);
    this.bytes += growth;
    if (growth > 0) this.shares.set(person, this.of(person) + growth);
  }
}

/**
 * What a transaction left deleted: its delete set, and the new structs that arrived
 * deleted (collected ranges take no place in a transaction's delete set).
 */
export function deletedIn(tr: Y.Transaction, doc: Y.Doc): Map<number, ClockRange[]> {
  const out = new Map<number, ClockRange[]>();
  const add = (client: number, range: ClockRange) => {
    let list = out.get(client);
    if (!list) out.set(client, (list = []));
    list.push(range);
  };
  for (const [client, items] of tr.deleteSet.clients) for (const d of items) add(client, { from: d.clock, to: d.clock + d.len });
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    const structs = doc.store.clients.get(client);
    if (after <= before || !structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (struct.deleted) add(client, { from: struct.id.clock, to: struct.id.clock + struct.length });
    }
  }
  return out;
}
