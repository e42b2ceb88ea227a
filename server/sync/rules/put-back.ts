import * as Y from 'yjs';

/**
 * Putting back what one removed (SPEC W11). Undo in the app re-inserts a removed board
 * entry as Yjs does: a new map under the same key, with new ids, holding the same field
 * values, the author's included. W1 would refuse it whenever the entry was someone
 * else's (or written under a name the sender no longer has); W11 takes it when the
 * sender removed that very entry, recently, and puts it back unchanged.
 */

/** A board entry's fields, each as the JSON of its value: what "unchanged" compares. */
export type EntryFields = ReadonlyMap<string, string>;

/** An entry an update removes: where it sat (`<board>/<part>/<key>`) and what it held. */
export interface RemovedEntry {
  place: string;
  fields: EntryFields;
}

/** What the relay remembers of the sender's recent removals, for the judge (read-only). */
export interface PutBackView {
  /** The entries the sender removed at `place`, recently, as they were. */
  removedAt(place: string): readonly EntryFields[];
}

export const nothingRemoved: PutBackView = { removedAt: () => [] };

/** How a text field (an agenda item's notes) is compared: by its characters, apart from any plain value. */
export const textFieldValue = (text: string) => `\u0000text:${JSON.stringify(text)}`;

/** The fields of an entry the document holds; null when one is neither a plain value nor a plain text (never put back). */
export function fieldsOfHeld(entry: Y.Item): EntryFields | null {
  const type = entry.content instanceof Y.ContentType ? entry.content.type : null;
  if (!(type instanceof Y.Map)) return null;
  const fields = new Map<string, string>();
  for (const [key, value] of type.entries()) {
    if (value instanceof Y.Text && !(value instanceof Y.XmlText)) fields.set(key, textFieldValue(value.toString()));
    else if (value instanceof Y.AbstractType) return null;
    else fields.set(key, JSON.stringify(value));
  }
  return fields;
}

/**
 * The fields a new entry is given by one update, each written exactly once and kept (not
 * deleted by the same update); null when any is written twice, or is not a plain value.
 */
export function fieldsOfNew(given: ReadonlyMap<string, unknown[] | null>, texts: ReadonlyMap<string, string | null> = new Map()): EntryFields | null {
  const fields = new Map<string, string>();
  for (const [key, text] of texts) {
    if (text === null) return null;
    fields.set(key, textFieldValue(text));
  }
  for (const [key, values] of given) {
    if (values?.length !== 1) return null;
    fields.set(key, JSON.stringify(values[0]));
  }
  return fields;
}

export function sameFields(a: EntryFields, b: EntryFields): boolean {
  if (a.size !== b.size) return false;
  for (const [key, json] of a) if (b.get(key) !== json) return false;
  return true;
}

/** How much the relay remembers (SPEC W11). */
export const putBackLimits = {
  /** A removal can be put back for this long after the relay took it. */
  keepMs: 10 * 60_000,
  /** Removals remembered per room, and per person in a room; the oldest go first. */
  perRoom: 256,
  perPerson: 128,
  /** Bytes of field values remembered per room; an entry larger than `entryBytes` is not remembered. */
  roomBytes: 256 * 1024,
  entryBytes: 16 * 1024,
} as const;

interface Removal extends RemovedEntry {
  by: string;
  at: number;
  bytes: number;
}

/**
 * One room's memory of recent removals (SPEC W11): in memory only, bounded by count,
 * bytes and age, oldest forgotten first. A relay restart or an unloaded room forgets
 * it: putting back then is refused like any entry under someone else's name (W1), and
 * the history (H4) still gives the entry back.
 */
export class PutBackLedger {
  private removals: Removal[] = [];
  private bytes = 0;

  constructor(private readonly limits: typeof putBackLimits = putBackLimits) {}

  /** The sender's removals the judge may match a put-back against. */
  viewOf(by: string, now: number): PutBackView {
    this.expire(now);
    return {
      removedAt: (place) => this.removals.filter((r) => r.by === by && r.place === place).map((r) => r.fields),
    };
  }

  /**
   * After an update of `by` was applied: the entries it removed are remembered, then
   * those it put back are spent (one put-back per removal).
   */
  settle(by: string, removed: readonly RemovedEntry[], putBack: readonly RemovedEntry[], now: number) {
    this.expire(now);
    for (const entry of removed) {
      const bytes = sizeOf(entry);
      if (bytes > this.limits.entryBytes) continue;
      this.removals.push({ ...entry, by, at: now, bytes });
      this.bytes += bytes;
    }
    for (const back of putBack) {
      const i = this.removals.findIndex((r) => r.by === by && r.place === back.place && sameFields(r.fields, back.fields));
      if (i >= 0) this.drop(i);
    }
    let mine = this.removals.reduce((n, r) => n + (r.by === by ? 1 : 0), 0);
    for (let i = 0; mine > this.limits.perPerson && i < this.removals.length; ) {
      if (this.removals[i]!.by === by) {
        this.drop(i);
        mine--;
      } else i++;
    }
    while (this.removals.length > this.limits.perRoom || this.bytes > this.limits.roomBytes) this.drop(0);
  }

  /** Forgets every removal (the relay changed the document itself: a restore, an erasure). */
  forget() {
    this.removals = [];
    this.bytes = 0;
  }

  get size() {
    return this.removals.length;
  }

  private expire(now: number) {
    let n = 0;
    while (n < this.removals.length && now - this.removals[n]!.at > this.limits.keepMs) n++;
    for (const r of this.removals.splice(0, n)) this.bytes -= r.bytes;
  }

  private drop(i: number) {
    const [r] = this.removals.splice(i, 1);
    if (r) this.bytes -= r.bytes;
  }
}

function sizeOf(entry: RemovedEntry): number {
  let bytes = entry.place.length;
  for (const [key, json] of entry.fields) bytes += key.length + json.length;
  return bytes;
}
