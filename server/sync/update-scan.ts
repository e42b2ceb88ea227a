import * as decoding from 'lib0/decoding';
import { jsonDepth } from './awareness.ts';

/** What an update would do, read from its bytes without building a Yjs object. */
export interface UpdateFacts {
  /** Bytes of the update as sent. */
  bytes: number;
  /** Structs it carries (items, garbage-collected ranges, skips) plus its deleted ranges. */
  entries: number;
  /** Items it inserts (structs that are neither skips nor garbage-collected ranges). */
  inserts: number;
  /**
   * What the update adds to the document (SPEC U10): structs that take clocks (items and
   * garbage-collected ranges, i.e. placeholders; not skips) past what the document holds,
   * counted whole when they straddle its state, and the update's bytes but for the held ones.
   */
  fresh: { structs: number; bytes: number };
  /** Per client, the clock ranges it carries, in order; skips are holes between them. */
  ranges: Map<number, { from: number; to: number }[]>;
  /** Per client, the highest clock its items name as origin, right origin or parent. */
  needs: Map<number, number>;
  /** Per client, the clock after the last deleted range it names. */
  deletesUpTo: Map<number, number>;
  /** Some struct starts at a clock the document holds (a change sent again, or straddling its state: U13). */
  overlaps: boolean;
}

export class UnreadableUpdate extends Error {}

/** Deepest nesting of objects and arrays in one embed, format value or JSON entry (SPEC U9). */
export const maxContentJsonDepth = 16;
/** Largest JSON text of one embed, format value or JSON entry (SPEC U9). */
export const maxContentJsonBytes = 64 * 1024;
export class TooManyEntries extends Error {}

const BITS5 = 31;
const originBit = 128;
const rightOriginBit = 64;
const parentSubBit = 32;
/** Shared types whose encoding carries a name (XmlElement, XmlHook); refs above 6 are unknown. */
const namedTypeRefs = new Set([3, 5]);

/**
 * Reads a Yjs (v1) update's structs and delete set, counting as it goes and stopping as
 * soon as more than `maxEntries` are seen: its cost is bounded by the limit, not by what
 * the sender packed. Throws UnreadableUpdate on anything Yjs's own decoder would not
 * read, and also on what Yjs never writes (a client listed twice, a struct of length 0).
 * `held` says the next clock the document expects from a client: structs below it are
 * not fresh (without it, everything is).
 */
export function scanUpdate(update: Uint8Array, maxEntries: number, held: (client: number) => number = () => 0): UpdateFacts {
  const facts: UpdateFacts = {
    bytes: update.length,
    entries: 0,
    inserts: 0,
    fresh: { structs: 0, bytes: update.length },
    ranges: new Map(),
    needs: new Map(),
    deletesUpTo: new Map(),
    overlaps: false,
  };
  const count = (n: number) => {
    facts.entries += n;
    if (facts.entries > maxEntries) throw new TooManyEntries(`more than ${maxEntries} entries in one update`);
  };
  const need = (client: number, clock: number) => {
    if (clock >= (facts.needs.get(client) ?? -1)) facts.needs.set(client, clock);
  };
  try {
    const d = decoding.createDecoder(update);
    const clients = decoding.readVarUint(d);
    for (let c = 0; c < clients; c++) {
      const structs = decoding.readVarUint(d);
      count(structs);
      const client = decoding.readVarUint(d);
      let clock = decoding.readVarUint(d);
      if (facts.ranges.has(client)) throw new UnreadableUpdate(`client ${client} listed twice`);
      const ranges: { from: number; to: number }[] = [];
      facts.ranges.set(client, ranges);
      const holds = held(client);
      for (let s = 0; s < structs; s++) {
        const start = d.pos;
        const info = decoding.readUint8(d);
        const kind = info & BITS5;
        let length: number;
        if (kind === 0 || kind === 10) length = decoding.readVarUint(d);
        else {
          facts.inserts++;
          if (info & originBit) need(decoding.readVarUint(d), decoding.readVarUint(d));
          if (info & rightOriginBit) need(decoding.readVarUint(d), decoding.readVarUint(d));
          if ((info & (originBit | rightOriginBit)) === 0) {
            if (decoding.readVarUint(d) === 1) decoding.readVarString(d);
            else {
              need(decoding.readVarUint(d), decoding.readVarUint(d));
            }
            if (info & parentSubBit) decoding.readVarString(d);
          }
          length = readContent(d, kind);
        }
        if (length <= 0) throw new UnreadableUpdate('a struct of length 0');
        const last = ranges.at(-1);
        if (kind !== 10) {
          // (10 is a hole: nothing there to apply)
          if (clock < holds) facts.overlaps = true;
          if (clock + length > holds) facts.fresh.structs++;
          else facts.fresh.bytes -= d.pos - start;
          if (last && last.to === clock) last.to = clock + length;
          else ranges.push({ from: clock, to: clock + length });
        }
        clock += length;
      }
    }
    const deleting = decoding.readVarUint(d);
    const deleted = new Set<number>();
    for (let c = 0; c < deleting; c++) {
      const client = decoding.readVarUint(d);
      const ranges = decoding.readVarUint(d);
      count(ranges);
      // Yjs writes each client once, its ranges sorted and merged (SPEC U11): ranges that
      // repeat or overlap would make every reader walk the same structs again and again.
      if (deleted.has(client)) throw new UnreadableUpdate(`client ${client} listed twice among deletions`);
      deleted.add(client);
      let end = 0;
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(d);
        if (clock < end) throw new UnreadableUpdate(`deleted ranges of client ${client} overlap or are out of order`);
        end = clock + decoding.readVarUint(d);
      }
      if (end > 0) facts.deletesUpTo.set(client, end);
    }
    // lib0 reads a length past the end as a view beyond the update: refuse it.
    if (d.pos > update.length) throw new UnreadableUpdate('a length runs past the end of the update');
  } catch (err) {
    if (err instanceof TooManyEntries || err instanceof UnreadableUpdate) throw err;
    throw new UnreadableUpdate(err instanceof Error ? err.message : 'unreadable update');
  }
  return facts;
}

/** Skips an item's content (Yjs's contentRefs), returning its length in clock ticks. */
function readContent(d: decoding.Decoder, kind: number): number {
  switch (kind) {
    case 1: // deleted
      return decoding.readVarUint(d);
    case 2: {
      // JSON: strings
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) judgeJson(decoding.readVarString(d));
      return n;
    }
    case 3: // binary
      decoding.readVarUint8Array(d);
      return 1;
    case 4: // string: its length in UTF-16 units, as Yjs counts it
      return decoding.readVarString(d).length;
    case 5: // embed: JSON
      judgeJson(decoding.readVarString(d));
      return 1;
    case 6: // format: key, JSON value
      decoding.readVarString(d);
      judgeJson(decoding.readVarString(d));
      return 1;
    case 7: {
      // a shared type
      const ref = decoding.readVarUint(d);
      if (ref > 6) throw new UnreadableUpdate(`unknown shared type ${ref}`);
      if (namedTypeRefs.has(ref)) decoding.readVarString(d);
      return 1;
    }
    case 8: {
      // any: values
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readAny(d);
      return n;
    }
    case 9: // sub-document: guid, options
      decoding.readVarString(d);
      decoding.readAny(d);
      return 1;
    default:
      throw new UnreadableUpdate(`unknown content ${kind}`);
  }
}

/**
 * Yjs JSON.parses embeds, format values and JSON entries as it reads them, and every
 * export stringifies them again: bounded like presence states (SPEC U9, L5, L6), by a
 * linear scan before anything recurses into them.
 */
function judgeJson(json: string) {
  if (json.length > maxContentJsonBytes) throw new UnreadableUpdate(`an embed or format value too large (over ${maxContentJsonBytes} bytes)`);
  if (jsonDepth(json, maxContentJsonDepth) > maxContentJsonDepth) {
    throw new UnreadableUpdate(`an embed or format value nested too deep (over ${maxContentJsonDepth} levels)`);
  }
}
