import * as core from '#core/doc/comments';
import { newDocId } from '#core/doc/schema';
import type * as Y from 'yjs';
import type { Actor } from './swot.ts';

export function postComment(doc: Y.Doc, actor: Actor, body: core.CommentBody, parentId: string | null = null, now = new Date()) {
  return core.addComment(doc, { id: newDocId(), author: actor, at: now, parentId, ...body });
}

/** Appends a new version; the earlier ones stay. */
export function editComment(doc: Y.Doc, actor: Actor, commentId: string, body: core.CommentBody, now = new Date()) {
  return core.editComment(doc, commentId, actor.id, body, now);
}
