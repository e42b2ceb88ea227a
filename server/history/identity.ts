import * as Y from 'yjs';
import { commentsOf } from '#core/doc/comments';
import { methodsOf as boardsOf } from '#core/doc/methods';

/**
 * Which entry or comment a restore path names (SPEC H2, H4). A path names a key or an id
 * a client chose; at one moment it stands for one Yjs item (a map key holds one value; of
 * comments sharing an id, the first in the list, as the app shows it), and from then on
 * that item is followed by its id (client, clock): a decoy written later under the same
 * key or id is another item, never mistaken for the original.
 */

/** Fields that say who wrote a map: a restore never writes them onto a map that exists (H2). */
export const authorshipFields: ReadonlySet<string> = new Set(['authorId', 'authorName', 'createdAt', 'placedBy', 'createdBy', 'by']);

/** The boards' map, read as a map of anything (a foreign client may have put anything there). */
export const methodsOf = (doc: Y.Doc) => boardsOf(doc) as unknown as Y.Map<unknown>;

/** A board's entries (`items`, `options`), if that part is a map. */
export function entriesOf(board: unknown, part: string): Y.Map<unknown> | null {
  const map = board instanceof Y.Map ? (board as Y.Map<unknown>).get(part) : null;
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null;
}

/** Whether two shared types are the same Yjs item (roots, which have none, only when identical). */
export function sameItem(a: unknown, b: unknown): boolean {
  if (!(a instanceof Y.AbstractType) || !(b instanceof Y.AbstractType)) return false;
  const [x, y] = [a._item, b._item];
  if (!x || !y) return a === b;
  return x.id.client === y.id.client && x.id.clock === y.id.clock;
}

/** The comment a list shows under `id`: the first map carrying it (removed or not), with its index. */
export function commentNamed(list: Y.Array<unknown>, id: string): { map: Y.Map<unknown>; at: number } | null {
  let at = 0;
  for (const value of list) {
    if (value instanceof Y.Map && value.get('id') === id) return { map: value as Y.Map<unknown>, at };
    at++;
  }
  return null;
}

/** Where a map stands in the list: the same item; -1 when the list no longer holds it. */
export function indexOfItem(list: Y.Array<unknown>, map: Y.Map<unknown>): number {
  let at = 0;
  for (const value of list) {
    if (sameItem(value, map)) return at;
    at++;
  }
  return -1;
}

/** The Yjs item a path names in `doc` (an entry's map, a comment's map), or null when it names none. */
export function itemAt(doc: Y.Doc, path: string): Y.Item | null {
  const [root, id, part, key] = path.split('/');
  if (root === 'comments') return commentNamed(commentsOf(doc) as unknown as Y.Array<unknown>, id!)?.map._item ?? null;
  if (root !== 'methods' || part === undefined) return null;
  const entry = entriesOf(methodsOf(doc).get(id!), part)?.get(key!);
  return entry instanceof Y.Map ? entry._item : null;
}

/** Whether a comment's or entry's item is gone: deleted, or (a comment) marked removed (SPEC W4). */
export function isGone(item: Y.Item): boolean {
  if (item.deleted) return true;
  const type = item.content instanceof Y.ContentType ? item.content.type : null;
  return type instanceof Y.Map && item.parent instanceof Y.Array && type.has('removed');
}
