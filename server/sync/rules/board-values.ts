import * as Y from 'yjs';
import { boardMethodOf } from '#core/doc/board-methods';
import type { BoardSetting } from '#core/doc/methods';
import { entryValueRefusal, isJudgedPart, partValueRefusal, settingValueRefusal } from './entry-values.ts';
import { partMemberRefusal, type ActivityMembers } from './member-fields.ts';
import type { Place, UpdateReading } from './places.ts';

/**
 * SPEC W15 within one update: what a board's entries, settings and other parts (a matrix's
 * columns, cost options) are given, judged against the board's method as the update leaves
 * it (the kind and settings it writes, else the document's). Each method returns why a value
 * is refused, or null; the content judgement refuses with W15.
 */
export class BoardValues {
  /** The kind a board made by this update is given. */
  private readonly newKinds = new Map<Y.Item, unknown>();
  /** The settings (`methods/<board>/<key>`) this update writes, by board: the value each will hold. */
  private readonly newSettings = new Map<Y.Item, Map<string, unknown>>();
  /** Fields of entries of a board's other parts this update writes (each once). */
  private readonly partFields = new Map<Y.Item, Set<string>>();

  constructor(private readonly reading: UpdateReading) {}

  /** First pass, for each item the update inserts directly under a board (`methods/<board>/<key>`). */
  noteBoardKey(board: Y.Item, key: string, item: Y.Item): string | null {
    if (key === 'kind') this.newKinds.set(board, valuesOf(item)?.[0]);
    if (key === 'items' || this.gone(item)) return null;
    const settings = this.newSettings.get(board) ?? new Map<string, unknown>();
    this.newSettings.set(board, settings);
    // One written twice (both kept) holds no value the judge can foresee.
    if (settings.has(key)) return `a board's "${key.slice(0, 40)}" is written twice`;
    const values = valuesOf(item);
    settings.set(key, values?.length === 1 ? values[0] : undefined);
    return null;
  }

  /** A field of one of the board's entries (`items/<id>/<field>`): `values` as written (null for a shared type). Text fields are TextFields'. */
  entry(board: Y.Item, field: string, values: unknown[] | null): string | null {
    if (this.textMax(board, field) !== undefined) return null;
    return entryValueRefusal(this.kindOf(board), field, values, this.settingOf(board));
  }

  /** The bound of an entry's text field (an agenda item's notes); undefined for a field that is not one. */
  textMax(board: Y.Item, field: string): number | undefined {
    const texts = boardMethodOf(this.kindOf(board))?.texts;
    return texts && Object.hasOwn(texts, field) ? texts[field] : undefined;
  }

  /** The text fields every new entry of the board is given with (`texts`). */
  textFieldsOf(board: Y.Item): string[] {
    return Object.keys(boardMethodOf(this.kindOf(board))?.texts ?? {});
  }

  /** A setting, or anything else under a board but its items: `place` is methods/<board>/<key>… */
  setting(place: Place, item: Y.Item): string | null {
    const board = place.steps[0]!.item;
    const key = place.steps[1]!.key ?? '';
    if (this.gone(item)) return null;
    const n = place.steps.length;
    return settingValueRefusal(this.kindOf(board), key, n === 2 ? valuesOf(item) : null) ?? this.part(place, item);
  }

  /**
   * A field of an entry of a board's other part that names a member (a matrix column's
   * `personId`: `place` is methods/<board>/<part>/<id>/<field>), as written: someone of the
   * activity now. Fields not written by this update are not judged again.
   */
  partMember(place: Place, item: Y.Item, members: ActivityMembers): string | null {
    if (place.steps.length !== 4 || this.gone(item)) return null;
    const [board, part, , field] = place.steps;
    return partMemberRefusal(this.kindOf(board!.item), part!.key ?? '', field!.key ?? '', valuesOf(item), members);
  }

  /**
   * A board's other part its method names: a map of entries, each a map of fields, each
   * field one plain value of the part's schema, written once per update.
   */
  private part(place: Place, item: Y.Item): string | null {
    const kind = this.kindOf(place.steps[0]!.item);
    const part = place.steps[1]!.key ?? '';
    if (!isJudgedPart(kind, part)) return null;
    const n = place.steps.length;
    if (n <= 3) {
      const map = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
      return map ? null : n === 2 ? `a board's ${part.slice(0, 40)} are a map` : 'an entry is a map of its fields';
    }
    const field = place.steps[3]!.key ?? '';
    const refusal = partValueRefusal(kind, part, field, n === 4 ? valuesOf(item) : null);
    if (refusal) return refusal;
    const entry = place.steps[2]!.item;
    const written = this.partFields.get(entry) ?? new Set<string>();
    this.partFields.set(entry, written);
    if (written.has(field)) return `"${field.slice(0, 40)}" is written twice`;
    written.add(field);
    return null;
  }

  private kindOf(board: Y.Item): unknown {
    return this.newKinds.has(board) ? this.newKinds.get(board) : fieldOf(board, 'kind');
  }

  /** A board's settings as they stand once this update is applied: the update's, else the document's. */
  private settingOf(board: Y.Item): BoardSetting {
    const fresh = this.newSettings.get(board);
    return (key) => {
      if (fresh?.has(key)) return fresh.get(key);
      if (this.reading.isNew(board) || !(board.content instanceof Y.ContentType)) return undefined;
      const held = board.content.type._map.get(key);
      return !held || held.deleted || this.reading.deletedHere(held) ? undefined : fieldOf(board, key);
    };
  }

  /** An item that arrives deleted, or that this update deletes: Yjs keeps nothing of it. */
  private gone(item: Y.Item): boolean {
    return item.content instanceof Y.ContentDeleted || this.reading.deletedHere(item);
  }
}

/** The plain values an item holds (under a map key exactly one, U12); null for a shared type or text. */
export function valuesOf(item: Y.Item): unknown[] | null {
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.arr;
  if (content instanceof Y.ContentJSON) return content.arr;
  return null;
}

/** A field of a held map entry (a comment, a board item). */
export function fieldOf(entry: Y.Item, key: string): unknown {
  const type = entry.content instanceof Y.ContentType ? entry.content.type : null;
  return type instanceof Y.Map ? type.get(key) : undefined;
}
