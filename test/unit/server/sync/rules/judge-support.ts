import type * as Y from 'yjs';
import type { Author } from '../../../../../server/sync/rules/author.ts';

export { judgedEdit as edit, roomDoc } from './judged-edit.ts';

export const fay: Author = { id: 'facilitator-fay', name: 'Fay Facilitator', role: 'facilitator' };
export const cid: Author = { id: 'contributor-cid', name: 'Cid Contributor', role: 'contributor' };
export const ola: Author = { id: 'contributor-ola', name: 'Ola Other', role: 'contributor' };
export const me = (a: Author) => ({ id: a.id, name: a.name });

/** The entry map `<part>/<id>` of board `boardId`, in a client's copy. */
export function entryMap(doc: Y.Doc, boardId: string, id: string, part = 'items'): Y.Map<unknown> {
  const board = doc.getMap('methods').get(boardId) as Y.Map<unknown>;
  return (board.get(part) as Y.Map<Y.Map<unknown>>).get(id)!;
}
