import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import * as core from '#core/doc/raci';
import { newDocId } from '#core/doc/schema';
import type { RaciLetter } from '#core/methods/raci';
import { removalsOf } from '../../sync/removal-undo.ts';

/** What people do to responsibility matrices; each calls the core helper on the activity's doc. */

export function addRaciBoard(doc: Y.Doc, actor: Author, now = new Date()) {
  const id = newDocId();
  core.addRaciBoard(doc, id, actor, now);
  return id;
}

export const setVariant = (doc: Y.Doc, boardId: string, variant: string) => core.setVariant(doc, boardId, variant);
export const addRaciColumn = (doc: Y.Doc, boardId: string, label: string) => core.addRaciColumn(doc, boardId, newDocId(), label);
/** A column for one of the activity's members, named as they are now. */
export const addRaciMemberColumn = (doc: Y.Doc, boardId: string, person: Author) => core.addRaciColumn(doc, boardId, newDocId(), person.name.slice(0, 120), person.id);
export const removeRaciColumn = (doc: Y.Doc, boardId: string, columnId: string) => core.removeRaciColumn(doc, boardId, columnId);
export const addRaciTask = (doc: Y.Doc, boardId: string, actor: Author, text: string, now = new Date()) =>
  core.addRaciTask(doc, boardId, { id: newDocId(), text, author: actor, at: now });
export const setRaciCell = (doc: Y.Doc, boardId: string, taskId: string, columnId: string, letter: RaciLetter | '') => core.setRaciCell(doc, boardId, taskId, columnId, letter);

export function deleteRaciTask(doc: Y.Doc, boardId: string, taskId: string, text: string) {
  return removalsOf(doc).remove({ kind: 'item', text }, () => core.deleteRaciTask(doc, boardId, taskId));
}
