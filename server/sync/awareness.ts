import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { presentingKey, presentingOf } from '#core/files/presenting';
import type { ActivityFiles } from './rules/content.ts';

export interface Identity {
  id: string;
  name: string;
  role: string;
}

/** One client's state in an awareness update: null removes it. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** An awareness update the relay will not take (SPEC L5, L6): the connection is closed. */
export class AwarenessRefused extends Error {}

/** Deepest nesting of objects and arrays a state may have (SPEC L5). */
export const maxAwarenessDepth = 16;
const maxStatesPerUpdate = 100;

/**
 * How deeply `json` nests objects and arrays, scanning it once without recursion, so
 * that a hostile state is refused before JSON.parse or JSON.stringify recurse into it.
 * Stops counting past `limit`.
 */
export function jsonDepth(json: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** Reads an awareness update, refusing states that are too large or too deep. */
export function readAwareness(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > maxStatesPerUpdate) throw new AwarenessRefused('too many awareness states in one update');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (raw.length > maxStateBytes) throw new AwarenessRefused(`awareness state too large (over ${maxStateBytes} bytes)`);
    if (jsonDepth(raw, maxAwarenessDepth) > maxAwarenessDepth) {
      throw new AwarenessRefused(`awareness state nested too deep (over ${maxAwarenessDepth} levels)`);
    }
    let state: unknown;
    try {
      state = JSON.parse(raw);
    } catch {
      throw new AwarenessRefused('awareness state is not JSON');
    }
    entries.push({ clientId, clock, state });
  }
  return entries;
}

/** No file is known: nobody's presentation passes (A5). */
const noFiles: ActivityFiles = { has: () => false };

/**
 * Writes the entries back as an awareness update, every state naming the person the
 * relay authenticated (rule A1): a client may choose its colour or cursor, never who it
 * is. A presentation (`presenting`) stays only in a facilitator's state and only when it
 * names a file of the activity and a page in bounds (rule A5); otherwise it is left out.
 */
export function writeStamped(entries: AwarenessEntry[], who: Identity, files: ActivityFiles = noFiles): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(stamp(e.state, who, files)));
  }
  return encoding.toUint8Array(encoder);
}

/** Reads, checks and stamps an update in one go; returns the client IDs it speaks for. */
export function stampIdentity(
  update: Uint8Array,
  who: Identity,
  maxStateBytes = 16 * 1024,
): { update: Uint8Array; clients: number[] } {
  const entries = readAwareness(update, maxStateBytes);
  return { update: writeStamped(entries, who), clients: entries.map((e) => e.clientId) };
}

function stamp(state: unknown, who: Identity, files: ActivityFiles): unknown {
  if (state === null) return null;
  const base = typeof state === 'object' && !Array.isArray(state) ? { ...(state as Record<string, unknown>) } : {};
  const user = typeof base.user === 'object' && base.user !== null ? (base.user as Record<string, unknown>) : {};
  const presenting = who.role === 'facilitator' ? presentingOf(base) : null;
  delete base[presentingKey];
  if (presenting && files.has(presenting.fileId)) base[presentingKey] = presenting;
  return { ...base, user: { ...user, id: who.id, name: who.name, role: who.role } };
}
