import * as core from '#core/doc/pros-cons';
import { newDocId } from '#core/doc/schema';
import type { Side } from '#core/methods/pros-cons';
import type * as Y from 'yjs';
import { removalsOf } from '../sync/removal-undo.ts';
import type { Author } from '#core/doc/author';

/** What people do to pros and cons boards; each calls the core helper on the activity's doc. */

/** A facilitator adds a board to the activity; returns its id. */
export function addProsConsBoard(doc: Y.Doc, actor: Author, now = new Date()) {
  const id = newDocId();
  core.addProsConsBoard(doc, id, actor, now);
  return id;
}

export function addOption(doc: Y.Doc, boardId: string, label: string) {
  return core.addOption(doc, boardId, newDocId(), label);
}

export function renameOption(doc: Y.Doc, boardId: string, optionId: string, label: string) {
  return core.renameOption(doc, boardId, optionId, label);
}

/** Removes an option with its pros and cons; the Undo notice offers to put them back. */
export function removeOption(doc: Y.Doc, boardId: string, optionId: string, label: string) {
  return removalsOf(doc).remove({ kind: 'option', text: label }, () => core.removeOption(doc, boardId, optionId));
}

export function addProsConsItem(doc: Y.Doc, boardId: string, actor: Author, optionId: string, side: Side, text: string, now = new Date()) {
  return core.addProsConsItem(doc, boardId, { id: newDocId(), optionId, side, text, author: actor, at: now });
}

export function editProsConsItem(doc: Y.Doc, boardId: string, actor: Author, itemId: string, text: string, now = new Date()) {
  return core.editProsConsItem(doc, boardId, itemId, text, actor, now);
}

export function deleteProsConsItem(doc: Y.Doc, boardId: string, itemId: string, text: string) {
  return removalsOf(doc).remove({ kind: 'item', text }, () => core.deleteProsConsItem(doc, boardId, itemId));
}

/** Moves an item to the end of a side of an option (its own option's other side, or another option). */
export function moveProsConsItem(doc: Y.Doc, boardId: string, itemId: string, optionId: string, side: Side) {
  return core.moveProsConsItem(doc, boardId, itemId, { optionId, side, index: Number.MAX_SAFE_INTEGER });
}

/** One step up or down among its side's items (keyboard reordering). */
export function nudgeProsConsItem(doc: Y.Doc, boardId: string, itemId: string, optionId: string, side: Side, currentIndex: number, delta: -1 | 1) {
  return core.moveProsConsItem(doc, boardId, itemId, { optionId, side, index: Math.max(0, currentIndex + delta) });
}

/** Attaches a file of the activity to an item (after its others); the relay checks it is one (SPEC W13). */
export function attachToProsConsItem(doc: Y.Doc, boardId: string, actor: Author, itemId: string, fileId: string, now = new Date()) {
  return core.attachToProsConsItem(doc, boardId, itemId, fileId, actor, now);
}

/** Takes a file off an item; the file stays in the activity's files. */
export function detachFromProsConsItem(doc: Y.Doc, boardId: string, actor: Author, itemId: string, fileId: string, now = new Date()) {
  return core.detachFromProsConsItem(doc, boardId, itemId, fileId, actor, now);
}
