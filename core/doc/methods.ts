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
