import * as Y from 'yjs';

/**
 * Taking an erased person's name out of an activity's document (README "Erasing a
 * person", SPEC E1–E3): what stands for them in plain values is replaced by the former
 * member's name. Pure functions of Yjs data, run on the rebuild thread (rebuild.ts).
 */
export interface ErasedPerson {
  /** Their id, which stays: it now names the former member's row (SPEC E3). */
  id: string;
  /** What identifies them (name, e-mail, phone): replaced wherever it stands whole. */
  needles: string[];
  /** What stands in their place: `formerMemberName` in the organisation's language. */
  former: string;
}

/** Fields that name a person by id beside fields that give their name (authorship, removal marks, mentions). */
const idKeys = new Set(['authorId', 'by', 'userId', '__userId']);
const nameKeys = new Set(['authorName', 'name', '__name']);

/**
 * A plain value with the person taken out: an object naming them by id gets the former
 * member's name; every string has their name, e-mail and phone replaced, JSON inside a
 * string (a comment's Lexical body) included. Returns the same value when nothing changed.
 */
export function scrubValue(value: unknown, person: ErasedPerson, depth = 0): unknown {
  if (depth > 64) return value;
  if (typeof value === 'string') return scrubString(value, person, depth);
  if (Array.isArray(value)) {
    const out = value.map((v) => scrubValue(v, person, depth + 1));
    return out.some((v, i) => v !== value[i]) ? out : value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  // A comment's version that mentions them: the names its mentions show go from its plain text too.
  const shown = mentionedNames(value as Record<string, unknown>, person);
  if (shown.length > 0) person = { ...person, needles: [...person.needles, ...shown] };
  const named = entries.some(([k, v]) => idKeys.has(k) && v === person.id);
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    let next = named && nameKeys.has(k) && typeof v === 'string' ? person.former : scrubValue(v, person, depth + 1);
    // A mention shows "@Name": its text follows its name.
    if (named && k === 'text' && (value as { type?: unknown }).type === 'mention') next = `@${person.former}`;
    if (next !== v) changed = true;
    out[k] = next;
  }
  return changed ? out : value;
}

/** The names a version's mentions of the person show (they may predate a rename). */
function mentionedNames(version: Record<string, unknown>, person: ErasedPerson): string[] {
  const { mentions, body } = version;
  if (!Array.isArray(mentions) || !mentions.includes(person.id) || typeof body !== 'string') return [];
  const names = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'mention' && n.userId === person.id && typeof n.name === 'string' && n.name.length > 0) names.add(n.name);
    for (const child of Object.values(n)) walk(child, depth + 1);
  };
  try {
    walk(JSON.parse(body), 0);
  } catch {
    return [];
  }
  return [...names].filter((n) => n !== person.former);
}

function scrubString(s: string, person: ErasedPerson, depth: number): string {
  let out = s;
  if (out.includes(person.id) && /^\s*[[{]/.test(out)) {
    try {
      const parsed: unknown = JSON.parse(out);
      const scrubbed = scrubValue(parsed, person, depth + 1);
      if (scrubbed !== parsed) out = JSON.stringify(scrubbed);
    } catch {
      // Not JSON: only the strings below are replaced.
    }
  }
  const pattern = patternOf(person);
  return pattern && pattern.test(out) ? out.replace(pattern, person.former) : out;
}

const patterns = new WeakMap<ErasedPerson, RegExp | null>();

/**
 * Their name, e-mail or phone standing as a whole word: "Al" is replaced in "Al said",
 * not in "Also" (another person's words are not damaged by a short name).
 */
function patternOf(person: ErasedPerson): RegExp | null {
  let pattern = patterns.get(person);
  if (pattern === undefined) {
    const needles = person.needles.filter((n) => n.trim().length > 0).sort((a, b) => b.length - a.length);
    const escaped = needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = escaped.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    patterns.set(person, pattern);
  }
  if (pattern) pattern.lastIndex = 0;
  return pattern;
}

/**
 * Characters of a text (the brief) cannot change length in a stored update without
 * breaking every position after them: there, the name is covered by as many dots.
 */
function maskText(s: string, person: ErasedPerson): string {
  const pattern = patternOf(person);
  return pattern && pattern.test(s) ? s.replace(pattern, (found) => '•'.repeat(found.length)) : s;
}

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** Where a map field sits, when the update says (its first value names its parent). */
function parentKey(item: Y.Item): string | null {
  const parent = item.parent as unknown;
  if (parent instanceof Y.ID) return `${parent.client}:${parent.clock}`;
  if (typeof parent === 'string') return `root:${parent}`;
  return null;
}

/**
 * One stored update (or snapshot) with the person taken out of it: same structs, same
 * ids, same lengths, so every update after it still applies; only plain values change
 * (SPEC E2). Null when it did not hold them.
 */
export function eraseFromUpdate(update: Uint8Array, person: ErasedPerson): Uint8Array | null {
  if (update.length === 0) return null;
  const { structs, ds } = Y.decodeUpdate(update);
  // Maps (board entries, comments, mention elements) this update says are theirs.
  const theirs = new Set<string>();
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.parentSub === null || !idKeys.has(s.parentSub)) continue;
    const key = parentKey(s);
    if (key && s.content instanceof Y.ContentAny && s.content.arr[0] === person.id) theirs.add(key);
  }
  let changed = false;
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const c = s.content;
    if (c instanceof Y.ContentAny || c instanceof Y.ContentJSON) {
      const key = parentKey(s);
      const named = s.parentSub !== null && nameKeys.has(s.parentSub) && key !== null && theirs.has(key);
      const arr = named ? c.arr.map((v: unknown) => (typeof v === 'string' ? person.former : v)) : (scrubValue(c.arr, person) as unknown[]);
      if (arr.some((v, i) => v !== c.arr[i])) {
        c.arr = arr;
        changed = true;
      }
    } else if (c instanceof Y.ContentEmbed) {
      const embed = scrubValue(c.embed, person) as object;
      if (embed !== c.embed) [c.embed, changed] = [embed, true];
    } else if (c instanceof Y.ContentFormat) {
      const value = scrubValue(c.value, person) as object;
      if (value !== c.value) [c.value, changed] = [value, true];
    } else if (c instanceof Y.ContentString) {
      const str = maskText(c.str, person);
      if (str !== c.str) [c.str, changed] = [str, true];
    }
  }
  return changed ? encodeUpdate(structs, ds) : null;
}

/**
 * Writes decoded structs and a delete set back as a v1 update, as Yjs writes one
 * (`convertUpdateFormat` in yjs/src/utils/updates.js, not exported): per client, the
 * number of structs, the client, the first clock, then each struct; then the deletions.
 */
function encodeUpdate(structs: Struct[], ds: ReturnType<typeof Y.decodeUpdate>['ds']): Uint8Array {
  const groups: { count: number; bytes: Uint8Array }[] = [];
  let encoder: Y.UpdateEncoderV1 | null = null;
  let client = -1;
  let count = 0;
  const flush = () => {
    if (encoder && count > 0) groups.push({ count, bytes: encoder.toUint8Array() });
    encoder = null;
    count = 0;
  };
  for (const s of structs) {
    if (encoder === null || s.id.client !== client) {
      flush();
      encoder = new Y.UpdateEncoderV1();
      client = s.id.client;
      encoder.writeClient(client);
      encoder.writeLen(s.id.clock);
    }
    s.write(encoder, 0);
    count++;
  }
  flush();
  const out = new Y.UpdateEncoderV1();
  out.writeLen(groups.length);
  const parts: Uint8Array[] = [];
  for (const g of groups) {
    out.writeLen(g.count);
    parts.push(out.toUint8Array(), g.bytes);
    out.restEncoder = new Y.UpdateEncoderV1().restEncoder;
  }
  const clients = [...ds.clients.entries()].sort((a, b) => b[0] - a[0]);
  out.writeLen(clients.length);
  for (const [id, items] of clients) {
    out.writeClient(id);
    out.writeLen(items.length);
    for (const item of items) {
      out.writeDsClock(item.clock);
      out.writeDsLen(item.len);
    }
  }
  parts.push(out.toUint8Array());
  const total = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    total.set(p, at);
    at += p.length;
  }
  return total;
}

/**
 * Takes the person out of the live document, as one change of the relay's (SPEC E1):
 * their entries' and comments' names, removal marks they made, mentions of them, and
 * their name, e-mail or phone wherever a plain value or a text holds it. A comment's
 * version that names them is replaced in place (the relay's change, not W2's writers').
 */
export function eraseFromDocument(doc: Y.Doc, person: ErasedPerson) {
  doc.transact(() => {
    visit(doc.getMap('methods'), person, 0);
    visit(doc.getArray('comments'), person, 0);
    visit(doc.get('root', Y.XmlText), person, 0);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, whatever its event
type Shared = Y.AbstractType<any>;

function visit(type: Shared, person: ErasedPerson, depth: number) {
  if (depth > 64) return;
  if (type instanceof Y.Map) return visitMap(type, person, depth);
  if (type instanceof Y.Array) return visitArray(type, person, depth);
  if (type instanceof Y.Text) return visitText(type, person, depth);
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    if (type instanceof Y.XmlElement) visitAttributes(type, person);
    for (const child of type.toArray()) visit(child as Shared, person, depth + 1);
  }
}

function visitMap(map: Y.Map<unknown>, person: ErasedPerson, depth: number) {
  const named = [...idKeys].some((k) => map.get(k) === person.id);
  for (const [key, value] of [...map.entries()]) {
    if (value instanceof Y.AbstractType) {
      visit(value as Shared, person, depth + 1);
      continue;
    }
    const next = named && nameKeys.has(key) && typeof value === 'string' ? person.former : scrubValue(value, person);
    if (next !== value) map.set(key, next);
  }
}

function visitArray(array: Y.Array<unknown>, person: ErasedPerson, depth: number) {
  for (let i = 0; i < array.length; i++) {
    const value = array.get(i);
    if (value instanceof Y.AbstractType) {
      visit(value as Shared, person, depth + 1);
      continue;
    }
    const next = scrubValue(value, person);
    if (next === value) continue;
    array.delete(i, 1);
    array.insert(i, [next]);
  }
}

function visitAttributes(el: Y.XmlElement | Y.XmlText, person: ErasedPerson) {
  const attributes = el.getAttributes() as Record<string, unknown>;
  const scrubbed = scrubValue(attributes, person) as Record<string, unknown>;
  if (scrubbed === attributes) return;
  for (const [k, v] of Object.entries(scrubbed)) if (v !== attributes[k]) el.setAttribute(k, v as string);
}

/** A text (the brief): embedded types are visited, the name where it stands is replaced, formats scrubbed. */
function visitText(text: Y.Text, person: ErasedPerson, depth: number) {
  if (text instanceof Y.XmlText) visitAttributes(text, person);
  type Op = { insert: unknown; attributes?: Record<string, unknown> };
  const ops = text.toDelta() as Op[];
  const edits: { at: number; length: number; insert: string | null; attributes?: Record<string, unknown> }[] = [];
  let at = 0;
  for (const op of ops) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (op.insert instanceof Y.AbstractType) visit(op.insert as Shared, person, depth + 1);
    const attributes = op.attributes && (scrubValue(op.attributes, person) as Record<string, unknown>);
    if (typeof op.insert === 'string') {
      const replaced = scrubString(op.insert, person, depth);
      if (replaced !== op.insert || attributes !== op.attributes) edits.push({ at, length, insert: replaced, attributes });
    } else if (attributes !== op.attributes) edits.push({ at, length, insert: null, attributes });
    at += length;
  }
  // From the end, so that earlier positions still hold.
  for (const edit of edits.reverse()) {
    if (edit.insert === null) text.format(edit.at, edit.length, edit.attributes ?? {});
    else {
      text.delete(edit.at, edit.length);
      text.insert(edit.at, edit.insert, edit.attributes ?? {});
    }
  }
}
