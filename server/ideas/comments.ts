import type { Activity } from '#core/api/activities';
import { commentLimits, type CommentListQuery, type IdeaComment, type IdeaCommentPage, type PostCommentRequest } from '#core/api/idea-comments';
import type { Caller } from '../accounts/sessions.ts';
import { may } from '../activities/access.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { ErrorCode } from '#core/api/errors';
import { conflict, notFound, Refusal } from '../errors.ts';
import { ideaFor, keptBack, requireContributor, type IdeaRow } from './access.ts';
import { boxFunnel } from './box-settings.ts';

export interface CommentRow {
  id: string;
  idea_id: string;
  author_id: string;
  text: string;
  created_at: string;
  moderation: 'pending' | 'approved';
  hidden_reason: string | null;
  hidden_at: string | null;
}

type ListedComment = CommentRow & {
  author_name: string;
  open_reports: number;
  /** 1 when the author is a public participant who agreed to be named (`authorColumns`); absent counts as not. */
  author_named?: number;
};

/** Shown to everyone who reads the idea: approved and not hidden (SQL over `idea_comments c`). */
export const commentShownSql = `(c.moderation = 'approved' AND c.hidden_at IS NULL)`;

/** A comment not shown to all exists only for its author and the box's facilitators. */
const seesComment = (box: Activity, caller: Caller, row: Pick<CommentRow, 'author_id' | 'moderation' | 'hidden_at'>) =>
  (row.moderation === 'approved' && row.hidden_at === null) || row.author_id === caller.id || may.facilitate(box.myRole);

/**
 * Every column a listed comment needs; binds ?1 (the caller facilitates: its open reports
 * are counted) — its author's name as the person now reads (an erased one's is the former member).
 */
const commentColumns = `c.*, u.name AS author_name,
  (u.participant = 1 AND u.public_name = 1 AND u.disabled_at IS NULL) AS author_named,
  CASE WHEN ?1 THEN (SELECT COUNT(*) FROM idea_comment_reports r WHERE r.comment_id = c.id AND r.dismissed_at IS NULL) ELSE 0 END AS open_reports`;

/**
 * Who wrote a comment, as the caller may know it. A public participant learns what the
 * public page shows (campaigns/public-comments.ts): another participant's name only when
 * they agreed, never a member's; and no person's id (it would link one author's comments
 * across ideas), the comment's own in its place. Members see every name and id.
 */
function authorFor(row: ListedComment, caller: Caller): IdeaComment['author'] {
  if (!caller.participant || row.author_id === caller.id) return { id: row.author_id, name: row.author_name };
  return Number(row.author_named) === 1 ? { id: row.author_id, name: row.author_name } : { id: row.id, name: '' };
}

export function toComment(row: ListedComment, caller: Caller): IdeaComment {
  return {
    id: row.id,
    ideaId: row.idea_id,
    author: authorFor(row, caller),
    text: row.text,
    createdAt: row.created_at,
    moderation: row.moderation,
    hidden: row.hidden_at ? { reason: row.hidden_reason ?? '', at: row.hidden_at } : null,
    reports: row.open_reports,
    mine: row.author_id === caller.id,
  };
}

/** One comment as `caller` sees it (after a change they made). */
export async function loadComment(ctx: Context, caller: Caller, box: Activity, commentId: string): Promise<IdeaComment> {
  const row = await ctx.db.get<ListedComment>(`SELECT ${commentColumns} FROM idea_comments c JOIN users u ON u.id = c.author_id WHERE c.id = ?2`, [
    may.facilitate(box.myRole) ? 1 : 0,
    commentId,
  ]);
  if (!row) throw notFound('comment');
  return toComment(row, caller);
}

/**
 * A comment the caller may see, with its idea and box: the idea must be theirs to read
 * (a participant reaches published boxes only), and a comment waiting for approval or
 * hidden exists only for its author and the facilitators — 404 to anyone else.
 */
export async function commentFor(ctx: Context, caller: Caller, commentId: string): Promise<{ comment: CommentRow; idea: IdeaRow; box: Activity }> {
  const comment = await ctx.db.get<CommentRow>('SELECT * FROM idea_comments WHERE id = ?', [commentId]);
  if (!comment) throw notFound('comment');
  const { idea, box } = await ideaFor(ctx, caller, comment.idea_id, 'public-read').catch((err: unknown) => {
    throw err instanceof Refusal && err.code === ErrorCode.notFound ? notFound('comment') : err;
  });
  if (!seesComment(box, caller, comment)) throw notFound('comment');
  return { comment, idea, box };
}

/**
 * One page of an idea's comments, oldest first: those shown to all, and the caller's own
 * (and, for facilitators, every one) waiting for approval or hidden.
 */
export async function listComments(ctx: Context, caller: Caller, ideaId: string, query: CommentListQuery): Promise<IdeaCommentPage> {
  const { box } = await ideaFor(ctx, caller, ideaId, 'public-read');
  const facilitates = may.facilitate(box.myRole) ? 1 : 0;
  const where = `c.idea_id = ?2 AND (?1 OR ${commentShownSql} OR c.author_id = ?3)`;
  const rows = await ctx.db.all<ListedComment>(
    `SELECT ${commentColumns} FROM idea_comments c JOIN users u ON u.id = c.author_id WHERE ${where} ORDER BY c.created_at, c.id LIMIT ?4 OFFSET ?5`,
    [facilitates, ideaId, caller.id, query.limit, query.offset],
  );
  const count = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM idea_comments c WHERE ${where}`, [facilitates, ideaId, caller.id]);
  const total = count?.n ?? 0;
  const end = query.offset + rows.length;
  return { comments: rows.map((r) => toComment(r, caller)), total, next: end < total && rows.length > 0 ? end : null };
}

/**
 * Adds a comment to an idea the caller reads and may contribute to (viewers 403, a closed
 * box 409). Only an idea shown to all takes comments (its author and the facilitators see a
 * held-back one, but discuss it elsewhere), and not a merged duplicate (the kept idea does).
 * With the box's pre-moderation on, a comment waits for approval unless a facilitator wrote
 * it. At most `commentLimits.perIdea` comments an idea, counted in the transaction that adds one.
 */
export async function postComment(ctx: Context, caller: Caller, ideaId: string, input: PostCommentRequest): Promise<IdeaComment> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId, 'public');
  requireContributor(box);
  if (idea.merged_into) throw conflict('This idea was merged into another: comment on that one.');
  if (keptBack(idea)) throw conflict('This idea is not shown to everyone: it takes no comments.');
  const { premoderation } = await boxFunnel(ctx, box.id);
  const moderation = premoderation && !may.facilitate(box.myRole) ? 'pending' : 'approved';
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const held = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM idea_comments WHERE idea_id = ?', [ideaId]);
    if ((held?.n ?? 0) >= commentLimits.perIdea) throw conflict(`This idea has ${commentLimits.perIdea} comments, as many as one idea holds.`);
    await tx.run('INSERT INTO idea_comments (id, idea_id, author_id, text, created_at, moderation) VALUES (?, ?, ?, ?, ?, ?)', [
      id,
      ideaId,
      caller.id,
      input.text,
      ctx.now().toISOString(),
      moderation,
    ]);
  });
  return loadComment(ctx, caller, box, id);
}
