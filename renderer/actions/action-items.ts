import * as core from '#core/doc/action-items';
import type { Author } from '#core/doc/author';
import { newDocId } from '#core/doc/schema';
import type { ActionStatus } from '#core/methods/action-items';
import type { NewActionRequest } from '#core/api/action-items';
import type * as Y from 'yjs';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/action-items.ts';
import { removalsOf } from '../sync/removal-undo.ts';

/** What people do to action items boards; each calls the core helper on the activity's doc. */

/** A facilitator adds an action items board to the activity; returns its id. */
export function addActionItemsBoard(doc: Y.Doc, actor: Author, now = new Date()) {
  const id = newDocId();
  core.addActionItemsBoard(doc, id, actor, now);
  return id;
}

export function addActionItem(doc: Y.Doc, boardId: string, actor: Author, input: { title: string; owner: Author; due: string }, now = new Date()) {
  return core.addActionItem(doc, boardId, { id: newDocId(), ...input, author: actor, at: now });
}

export const setActionStatus = (doc: Y.Doc, boardId: string, actor: Author, itemId: string, status: ActionStatus, now = new Date()) =>
  core.setActionStatus(doc, boardId, itemId, status, actor, now);

export const assignActionItem = (doc: Y.Doc, boardId: string, actor: Author, itemId: string, to: { owner: Author; due: string }, now = new Date()) =>
  core.assignActionItem(doc, boardId, itemId, to, actor, now);

export const renameActionItem = (doc: Y.Doc, boardId: string, actor: Author, itemId: string, title: string, now = new Date()) =>
  core.renameActionItem(doc, boardId, itemId, title, actor, now);

/** Removes an item; the Undo notice offers to put it back. */
export function deleteActionItem(doc: Y.Doc, boardId: string, itemId: string, title: string) {
  return removalsOf(doc).remove({ kind: 'item', text: title }, () => core.deleteActionItem(doc, boardId, itemId));
}

/** Assigns an action item from the decision record: the relay writes it into the activity's live board, linked to the decision. */
export function assignFromDecision(api: ApiClient, activityId: string, input: Omit<NewActionRequest, 'source'>) {
  return endpoints.createAction(api, activityId, { ...input, source: 'decision' });
}

/** Assigns an action item from an agenda item (or any board entry): written into the live board, linked to `<board>/<entry>`. */
export function assignFromEntry(api: ApiClient, activityId: string, boardId: string, entryId: string, input: Omit<NewActionRequest, 'source'>) {
  return endpoints.createAction(api, activityId, { ...input, source: `${boardId}/${entryId}` });
}
