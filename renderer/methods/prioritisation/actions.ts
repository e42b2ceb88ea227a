import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import * as core from '#core/doc/prioritisation';
import { newDocId } from '#core/doc/schema';
import { clampScore, highFrom } from '#core/methods/prioritisation';
import { removalsOf } from '../../sync/removal-undo.ts';

/** What people do to prioritisation boards; each calls the core helper on the activity's doc. */

/** A facilitator adds a board to the activity; returns its id. */
export function addPrioritisationBoard(doc: Y.Doc, actor: Author, now = new Date()) {
  const id = newDocId();
  core.addPrioritisationBoard(doc, id, actor, now);
  return id;
}

/** A new item starts in the middle of the board (a drag or the arrow keys place it). */
export function addPriorityItem(doc: Y.Doc, boardId: string, actor: Author, text: string, place = { impact: highFrom, effort: highFrom }, now = new Date()) {
  return core.addPriorityItem(doc, boardId, { id: newDocId(), text, ...place, author: actor, at: now });
}

export function editPriorityItem(doc: Y.Doc, boardId: string, actor: Author, itemId: string, text: string, now = new Date()) {
  return core.editPriorityItem(doc, boardId, itemId, text, actor, now);
}

export function placePriorityItem(doc: Y.Doc, boardId: string, itemId: string, impact: number, effort: number) {
  return core.placePriorityItem(doc, boardId, itemId, { impact: clampScore(impact), effort: clampScore(effort) });
}

export function deletePriorityItem(doc: Y.Doc, boardId: string, itemId: string, text: string) {
  return removalsOf(doc).remove({ kind: 'item', text }, () => core.deletePriorityItem(doc, boardId, itemId));
}

/** Arrow keys: up and down change impact, left and right effort; Shift steps by 10, otherwise 5. */
export function stepFor(key: string, shift: boolean): { impact: number; effort: number } | null {
  const step = shift ? 10 : 5;
  switch (key) {
    case 'ArrowUp':
      return { impact: step, effort: 0 };
    case 'ArrowDown':
      return { impact: -step, effort: 0 };
    case 'ArrowRight':
      return { impact: 0, effort: step };
    case 'ArrowLeft':
      return { impact: 0, effort: -step };
    default:
      return null;
  }
}
