import * as Y from 'yjs';
import type { UpdateReading } from './places.ts';

/**
 * SPEC W15 for an entry's text fields (`texts` in core/doc/<method>.ts: an agenda item's
 * notes): a Y.Text everyone who edits types into. Within one update:
 * - the field itself (`items/<id>/<field>`) is given once, as a plain Y.Text, only with a
 *   new entry; under an entry that exists it is never set again (that would throw away what
 *   others are typing) nor removed (only with its entry);
 * - what goes into it (`items/<id>/<field>/…`) is plain characters: no formatting, embed or
 *   shared type;
 * - it holds at most its method's bound once the update is applied: the held length, plus the
 *   characters the update adds and keeps, less those of the text it deletes.
 * Each check returns why it is refused, or null.
 */
export class TextFields {
  /** Texts the update touches: the bound, and the characters it adds and removes. */
  private readonly touched = new Map<Y.Item, { max: number; added: number; removed: number }>();
  /** Texts given by this update, with the entry each is given to; and by entry, each field's text. */
  private readonly given = new Map<Y.Item, { entry: Y.Item; field: string }>();
  private readonly byEntry = new Map<Y.Item, Map<string, Y.Item>>();
  /** What the update puts inside each text it gives, in the update's order. */
  private readonly inside = new Map<Y.Item, Y.Item[]>();

  constructor(private readonly reading: UpdateReading) {}

  /** The field's own value, written under `entry` (`fresh`: the entry is new in this update). */
  written(entry: Y.Item, fresh: boolean, field: string, value: Y.Item, max: number): string | null {
    if (!fresh) return `"${field}" is typed into, never replaced`;
    if (value.content instanceof Y.ContentDeleted) return null;
    const type = value.content instanceof Y.ContentType ? value.content.type : null;
    if (!(type instanceof Y.Text) || type instanceof Y.XmlText || this.reading.deletedHere(value)) return `"${field}" is a text`;
    if (this.gives(entry, field)) return `"${field}" is written twice`;
    this.given.set(value, { entry, field });
    const fields = this.byEntry.get(entry) ?? new Map<string, Y.Item>();
    this.byEntry.set(entry, fields.set(field, value));
    this.count(value, max);
    return null;
  }

  /** Whether the update gives `entry` a live text under `field`. */
  gives(entry: Y.Item, field: string): boolean {
    return this.byEntry.get(entry)?.has(field) ?? false;
  }

  /** Something the update puts inside a text (`depth` levels below the field, `key` its map key there). */
  inserted(text: Y.Item, item: Y.Item, depth: number, key: string | null, max: number): string | null {
    const plain = item.content instanceof Y.ContentString || item.content instanceof Y.ContentDeleted;
    if (depth !== 1 || key !== null || !plain) return 'notes hold plain characters only';
    if (this.reading.isNew(text) && !this.given.has(text)) return 'notes are a text given with their entry';
    const entry = this.count(text, max);
    if (item.content instanceof Y.ContentString) entry.added += item.length - this.reading.deletedWithin(item);
    if (this.given.has(text)) {
      const pieces = this.inside.get(text);
      if (pieces) pieces.push(item);
      else this.inside.set(text, [item]);
    }
    return null;
  }

  /**
   * The text fields the update gives `entry`, each with the characters it will hold (for a
   * put-back, W11); a text whose order cannot be read from the update alone is null (then it
   * is no put-back, and W1 judges the entry).
   */
  textsOf(entry: Y.Item): Map<string, string | null> {
    const out = new Map<string, string | null>();
    for (const [field, text] of this.byEntry.get(entry) ?? []) out.set(field, this.contentOf(text));
    return out;
  }

  /**
   * A new text's characters, read from the update: its pieces must form one chain, each
   * after the piece its origin names (as one client types or puts back), none deleted in
   * part; anything else (pieces side by side, an origin inside a piece) is null.
   */
  private contentOf(text: Y.Item): string | null {
    const pieces = this.inside.get(text) ?? [];
    const after = new Map<string, Y.Item>();
    let first: Y.Item | null = null;
    for (const piece of pieces) {
      const origin = piece.origin;
      const key = origin ? `${origin.client}:${origin.clock}` : null;
      if (key === null) {
        if (first) return null;
        first = piece;
      } else if (after.has(key)) return null;
      else after.set(key, piece);
    }
    let out = '';
    let seen = 0;
    for (let piece = first; piece; piece = after.get(`${piece.id.client}:${piece.id.clock + piece.length - 1}`) ?? null) {
      if (++seen > pieces.length) return null;
      const deleted = this.reading.deletedWithin(piece);
      if (deleted > 0 && deleted < piece.length) return null;
      if (deleted === 0 && piece.content instanceof Y.ContentString) out += piece.content.str;
    }
    return seen === pieces.length ? out : null;
  }

  /** Characters of a held text the update deletes (`depth` 1); the text itself is never deleted but with its entry. */
  deleted(text: Y.Item, item: Y.Item, depth: number, field: string, max: number): string | null {
    if (depth === 0) return `"${field}" is not removed but with its entry`;
    if (depth === 1 && item.content instanceof Y.ContentString) this.count(text, max).removed += this.reading.deletedWithin(item);
    return null;
  }

  /** Once every struct is read: each text touched within its bound. */
  overLength(): string | null {
    for (const [text, { max, added, removed }] of this.touched) {
      const held = this.reading.isNew(text) ? 0 : ((text.content as Y.ContentType).type as Y.Text).length;
      if (held + added - removed > max) return `notes hold at most ${max} characters`;
    }
    return null;
  }

  private count(text: Y.Item, max: number) {
    let entry = this.touched.get(text);
    if (!entry) this.touched.set(text, (entry = { max, added: 0, removed: 0 }));
    return entry;
  }
}
