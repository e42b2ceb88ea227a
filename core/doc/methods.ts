import * as Y from 'yjs';
import type { z } from 'zod';
import type { Author } from './author.ts';
import { DocRoot } from './schema.ts';

/**
 * `doc.getMap('methods')`: one Y.Map per board the activity uses, keyed by board id.
 * Every board map has a `kind` and a `version`; the rest is its method's (one module
 * per method: swot.ts, pros-cons.ts; all listed in board-methods.ts). Board maps are
 * created by the relay (the seeded ones) or by one facilitator action under a fresh
 * id, never by two clients at once.
 */
export interface BoardMethod<K extends string = string> {
  kind: K;
  version: number;
  /** The board map as JSON (`board.toJSON()`), entries keyed by id. */
  schema: z.ZodType;
  /** Fills a fresh board map after its kind and version (`by` is null for the relay's seed). */
  seed(board: Y.Map<unknown>, by: Author | null, at: Date): void;
  /** The id of the board every new activity starts with, for a method that has one. */
  seededId?: string;
  /**
   * SPEC W15: the values a field of one of its entries (`items/<id>/<field>`) may hold,
   * judged by the relay on every write; null for a field the method does not know (refused).
   * A method without it takes any value (its readers skip entries that do not parse).
   * `setting` reads one of the board's settings as it stands once the change is made (a
   * RACI cell takes the letters of the board's variant).
   */
  entryField?(field: string, setting: BoardSetting): z.ZodType | null;
  /**
   * SPEC W15 for the entries of the board's other parts (`methods/<board>/<part>/<id>/<field>`,
   * such as a matrix's columns or a cost/benefit board's options): each part's fields, as
   * `entryField` gives them for items. Who may write them is W5's.
   */
  parts?: Readonly<Record<string, (field: string) => z.ZodType | null>>;
  /**
   * SPEC W15 for the board's own settings (`methods/<board>/<key>`, besides its entries):
   * the one plain value each key named here holds, judged on every write, facilitators'
   * too. Keys not named are judged by W5 alone.
   */
  settings?: Readonly<Record<string, z.ZodType>>;
  /**
   * SPEC W15 for an entry's text fields: fields that hold a Y.Text everyone types into (an
   * agenda item's notes), with the most characters each holds. Such a field is given with
   * its entry, never replaced nor removed after, and holds plain characters only.
   */
  texts?: Readonly<Record<string, number>>;
  /** What the decision record and its exports say of one board, in the reader's language; null when it holds nothing. */
  record?(doc: Y.Doc, boardId: string, locale: RecordLocale): BoardRecord | null;
  /** One board as a table, header row first (CSV in the exports and the archive). */
  table?(doc: Y.Doc, boardId: string): unknown[][];
}

export type RecordLocale = 'en' | 'fr';

/** One of a board's settings (`methods/<board>/<key>`), as it stands. */
export type BoardSetting = (key: string) => unknown;

/** One board as the decision record shows it: a title and lines of plain text. */
export interface BoardRecord {
  title: string;
  lines: string[];
}

export function methodsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(DocRoot.methods);
}

/** The board map with this id, if it is of the expected kind. */
export function methodOf(doc: Y.Doc, id: string, kind: string): Y.Map<unknown> | null {
  const method = methodsOf(doc).get(id);
  return method instanceof Y.Map && method.get('kind') === kind ? method : null;
}

/** Creates an empty board of `method` under `id`; refused if the id is taken. */
export function createBoard(doc: Y.Doc, method: BoardMethod, id: string, by: Author | null, at: Date) {
  if (methodsOf(doc).has(id)) throw new Error('a method with this id already exists');
  doc.transact(() => {
    const board = new Y.Map<unknown>();
    board.set('kind', method.kind);
    board.set('version', method.version);
    method.seed(board, by, at);
    methodsOf(doc).set(id, board);
  });
}

/** The ids of the activity's boards of `kind`, oldest first (by `createdAt`, then id). */
export function listBoardsOf(doc: Y.Doc, kind: string): string[] {
  const created = (id: string) => String(methodOf(doc, id, kind)?.get('createdAt') ?? '');
  return [...methodsOf(doc).keys()]
    .filter((id) => methodOf(doc, id, kind))
    .sort((a, b) => (created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/** Seeds a board a facilitator adds: when and by whom, and its empty entry maps. */
export function seedAddedBoard(board: Y.Map<unknown>, by: Author | null, at: Date, parts: readonly string[]) {
  board.set('createdAt', at.toISOString());
  if (by) board.set('createdBy', by.id);
  for (const part of parts) board.set(part, new Y.Map());
}

/** W15 from an entry's object schema: each field's own schema; null for a field it does not have. */
export function fieldsOf(entry: z.ZodObject): (field: string) => z.ZodType | null {
  return (field) => (Object.hasOwn(entry.shape, field) ? (entry.shape[field] as z.ZodType) : null);
}
