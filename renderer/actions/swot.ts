import * as core from '#core/doc/swot';
import type { Author } from '#core/doc/author';
import { newDocId } from '#core/doc/schema';
import type { Quadrant } from '#core/methods/swot';
import type * as Y from 'yjs';
import { removalsOf } from '../sync/removal-undo.ts';

/** What people do to the SWOT board; each calls the core helper on the activity's doc. */
export function addSwotItem(doc: Y.Doc, actor: Author, quadrant: Quadrant, text: string, now = new Date()) {
  return core.addSwotItem(doc, { id: newDocId(), quadrant, text, author: actor, at: now });
}

/** A facilitator puts an entry on the board under its author's name, as who placed it (SPEC W1). */
export function placeSwotItem(doc: Y.Doc, actor: Author, author: Author, quadrant: Quadrant, text: string, now = new Date()) {
  return core.addSwotItem(doc, { id: newDocId(), quadrant, text, author, at: now, placedBy: actor });
}

export function editSwotItem(doc: Y.Doc, actor: Author, itemId: string, text: string, now = new Date()) {
  return core.editSwotItem(doc, itemId, text, actor, now);
}

/** Deletes an item; the Undo notice (UndoNotice) offers to put it back. */
export function deleteSwotItem(doc: Y.Doc, itemId: string, text: string) {
  return removalsOf(doc).remove({ kind: 'item', text }, () => core.deleteSwotItem(doc, itemId));
}

/** Moves an item within its quadrant or to another, to `index` there. */
export function moveSwotItem(doc: Y.Doc, itemId: string, quadrant: Quadrant, index: number) {
  return core.moveSwotItem(doc, itemId, quadrant, index);
}

/** One step up or down in its quadrant (keyboard reordering). */
export function nudgeSwotItem(doc: Y.Doc, itemId: string, quadrant: Quadrant, currentIndex: number, delta: -1 | 1) {
  return core.moveSwotItem(doc, itemId, quadrant, Math.max(0, currentIndex + delta));
}

/** Attaches a file of the activity to an item (after its others); the relay checks it is one (SPEC W13). */
export function attachToSwotItem(doc: Y.Doc, actor: Author, itemId: string, fileId: string, now = new Date()) {
  return core.attachToSwotItem(doc, itemId, fileId, actor, now);
}

/** Takes a file off an item; the file stays in the activity's files. */
export function detachFromSwotItem(doc: Y.Doc, actor: Author, itemId: string, fileId: string, now = new Date()) {
  return core.detachFromSwotItem(doc, itemId, fileId, actor, now);
}

/** A facilitator puts the activity's SWOT board in sight, empty as it is. */
export function showSwot(doc: Y.Doc) {
  core.showSwot(doc);
}
