import * as Y from 'yjs';
import { z } from 'zod';
import { linesText } from '../text/clean.ts';
import { Id, IsoDateTime } from '../api/common.ts';
import { DocRoot } from './schema.ts';
import { FileRefs, PageAnchor, fileRefs } from './attachments.ts';

/**
 * `doc.getArray('comments')`: Y.Array of Y.Maps, one per comment, in the order they
 * were written: `{id, authorId, authorName, createdAt, parentId, versions}`.
 * `parentId` names the comment replied to (null for a thread's first comment).
 * `versions` is a Y.Array that only grows: every edit appends one, so earlier wordings
 * stay visible. A version holds the body as Lexical's serialized JSON (for display),
 * the same as plain text (for search, SMS and history), the people it mentions, when
 * and by whom. A comment is never deleted: its author or a facilitator marks it
 * `removed: {by, name, at}`, and the relay refuses anything else (server/sync/SPEC.md W1–W4).
 * A comment may carry `files` (attached files) and an `anchor` (the page of a file it is
 * about), both set when it is written (attachments.ts, SPEC W13).
 */
export const CommentBodyLimit = 100_000;

export const CommentVersion = z.strictObject({
  body: z.string().min(2).max(CommentBodyLimit),
  text: linesText().min(1, 'a comment needs some text').max(20_000),
  mentions: z.array(Id).max(200),
  at: IsoDateTime,
  by: Id,
});
export type CommentVersion = z.infer<typeof CommentVersion>;

/** Who removed a comment, shown in its place ("removed by …"); its versions stay (SPEC W2, W4). */
export const CommentRemoval = z.strictObject({ by: Id, name: z.string().max(120), at: IsoDateTime });
export type CommentRemoval = z.infer<typeof CommentRemoval>;

export const Comment = z.strictObject({
  id: Id,
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  parentId: Id.nullable(),
  versions: z.array(CommentVersion).min(1),
  removed: CommentRemoval.optional(),
  files: FileRefs.optional(),
  anchor: PageAnchor.optional(),
});
export type Comment = z.infer<typeof Comment>;

export function commentsOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(DocRoot.comments);
}

export function readComment(map: Y.Map<unknown>): Comment | null {
  const parsed = Comment.safeParse(map.toJSON());
  return parsed.success ? parsed.data : null;
}

export function readComments(doc: Y.Doc): Comment[] {
  const out: Comment[] = [];
  for (const map of commentsOf(doc)) {
    const comment = map instanceof Y.Map ? readComment(map) : null;
    if (comment) out.push(comment);
  }
  return out;
}

export const latestVersion = (comment: Comment): CommentVersion => comment.versions.at(-1)!;

export interface CommentBody {
  body: string;
  text: string;
  mentions: string[];
}

export interface NewComment extends CommentBody {
  id: string;
  author: { id: string; name: string };
  at: Date;
  parentId?: string | null;
  /** Files attached to the comment (ids of the activity's files). */
  files?: string[];
  /** The page (and region) of a file the comment is about. */
  anchor?: PageAnchor;
}

export function addComment(doc: Y.Doc, input: NewComment): Comment {
  const version = CommentVersion.parse({
    body: input.body,
    text: input.text,
    mentions: [...new Set(input.mentions)],
    at: input.at.toISOString(),
    by: input.author.id,
  });
  const comment = Comment.parse({
    id: input.id,
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: version.at,
    parentId: input.parentId ?? null,
    versions: [version],
    files: fileRefs(input.files),
    anchor: input.anchor,
  });
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', comment.id);
    map.set('authorId', comment.authorId);
    map.set('authorName', comment.authorName);
    map.set('createdAt', comment.createdAt);
    map.set('parentId', comment.parentId);
    map.set('versions', Y.Array.from([version]));
    if (comment.files) map.set('files', comment.files);
    if (comment.anchor) map.set('anchor', comment.anchor);
    commentsOf(doc).push([map]);
  });
  return comment;
}

function findComment(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  for (const map of commentsOf(doc)) if (map instanceof Y.Map && map.get('id') === id) return map;
  return null;
}

/** Appends a new version; only the comment's author may edit it (the UI offers no other). */
export function editComment(doc: Y.Doc, id: string, by: string, body: CommentBody, at: Date): CommentVersion | null {
  const map = findComment(doc, id);
  const versions = map?.get('versions');
  if (!map || !(versions instanceof Y.Array) || map.get('authorId') !== by) return null;
  const version = CommentVersion.parse({ ...body, mentions: [...new Set(body.mentions)], at: at.toISOString(), by });
  const last = versions.get(versions.length - 1) as CommentVersion | undefined;
  if (last && last.body === version.body) return null;
  versions.push([version]);
  return version;
}

/** Marks a comment removed by `by` (its author or a facilitator, as the relay checks); false if gone or already removed. */
export function removeComment(doc: Y.Doc, id: string, by: { id: string; name: string }, at: Date): boolean {
  const map = findComment(doc, id);
  if (!map || map.get('removed') !== undefined) return false;
  map.set('removed', CommentRemoval.parse({ by: by.id, name: by.name, at: at.toISOString() }));
  return true;
}

export interface CommentThread {
  comment: Comment;
  replies: Comment[];
}

/** Threads in the order they were started; replies (at any depth) under their thread. */
export function threadComments(comments: readonly Comment[]): CommentThread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: Comment): string => {
    let current = c;
    for (let depth = 0; current.parentId && depth < 50; depth++) {
      const parent = byId.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current.id;
  };
  const threads = new Map<string, CommentThread>();
  for (const c of comments) if (rootOf(c) === c.id) threads.set(c.id, { comment: c, replies: [] });
  for (const c of comments) {
    const root = rootOf(c);
    if (root !== c.id) threads.get(root)?.replies.push(c);
  }
  return [...threads.values()];
}
