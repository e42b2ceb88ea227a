import * as core from '#core/doc/comments';
import type { PageAnchor } from '#core/doc/attachments';
import { newDocId } from '#core/doc/schema';
import type * as Y from 'yjs';
import { removalsOf } from '../sync/removal-undo.ts';
import type { Author } from '#core/doc/author';

/** What a comment may carry besides its words: attached files, the page of a file it is about. */
export interface CommentExtras {
  files?: string[];
  anchor?: PageAnchor;
}

export function postComment(doc: Y.Doc, actor: Author, body: core.CommentBody, parentId: string | null = null, extras: CommentExtras = {}, now = new Date()) {
  return core.addComment(doc, { id: newDocId(), author: actor, at: now, parentId, ...body, ...extras });
}

/** Marks a comment removed by the actor ("removed by …" stays in its place); the Undo notice takes the mark off. */
export function removeComment(doc: Y.Doc, actor: Author, commentId: string, authorName: string, now = new Date()) {
  return removalsOf(doc).remove({ kind: 'comment', text: authorName }, () => core.removeComment(doc, commentId, actor, now));
}

/** Appends a new version; the earlier ones stay. */
export function editComment(doc: Y.Doc, actor: Author, commentId: string, body: core.CommentBody, now = new Date()) {
  return core.editComment(doc, commentId, actor.id, body, now);
}
