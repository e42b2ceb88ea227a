import type { CommentQueues, IdeaComment, QueuedComment } from '#core/api/idea-comments';
import type { ReportIdeaRequest } from '#core/api/idea-funnel';
import { maxQueueLength } from '#core/ideas/moderation';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import { requireBoxFacilitator } from './access.ts';
import { refuseOverReports } from './moderation.ts';
import { commentFor, loadComment, toComment, type CommentRow } from './comments.ts';

/** Tells a comment's author in the app what became of it (the notice points at the comment). */
async function tellAuthor(tx: Queries, comment: CommentRow, kind: 'hidden' | 'shown' | 'approved', reason: string | null, now: string) {
  await tx.run('INSERT INTO idea_notices (user_id, idea_id, comment_id, kind, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    comment.author_id,
    comment.idea_id,
    comment.id,
    kind,
    reason,
    now,
  ]);
}

/**
 * A facilitator hides a comment (`reason` given: its author reads it, and the reports
 * waiting are acted on) or shows it again (`reason` null). The author is told in the app,
 * in the same transaction.
 */
export async function hideComment(ctx: Context, caller: Caller, commentId: string, reason: string | null): Promise<IdeaComment> {
  const { comment, box } = await commentFor(ctx, caller, commentId);
  requireBoxFacilitator(box);
  const hide = reason !== null;
  if (hide === (comment.hidden_at !== null)) throw conflict(hide ? 'This comment is already hidden.' : 'This comment is not hidden.');
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const moved = await tx.run(`UPDATE idea_comments SET hidden_reason = ?, hidden_at = ? WHERE id = ? AND hidden_at IS ${hide ? 'NULL' : 'NOT NULL'}`, [
      reason,
      hide ? now : null,
      commentId,
    ]);
    if (moved.changes === 0) throw conflict('Someone changed this comment meanwhile: reload it and try again.');
    if (hide) await tx.run('UPDATE idea_comment_reports SET dismissed_at = ? WHERE comment_id = ? AND dismissed_at IS NULL', [now, commentId]);
    await tellAuthor(tx, comment, hide ? 'hidden' : 'shown', reason, now);
  });
  return loadComment(ctx, caller, box, commentId);
}

/** A facilitator approves a comment that pre-moderation held back; its author is told. */
export async function approveComment(ctx: Context, caller: Caller, commentId: string): Promise<IdeaComment> {
  const { comment, box } = await commentFor(ctx, caller, commentId);
  requireBoxFacilitator(box);
  if (comment.moderation === 'approved') throw conflict('This comment is already approved.');
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const moved = await tx.run("UPDATE idea_comments SET moderation = 'approved' WHERE id = ? AND moderation = 'pending'", [commentId]);
    if (moved.changes === 0) throw conflict('Someone approved this comment meanwhile.');
    await tellAuthor(tx, comment, 'approved', null, now);
  });
  return loadComment(ctx, caller, box, commentId);
}

/**
 * Anyone who reads a comment reports it, once, with a reason — not its author. Reports of
 * ideas and of comments share one count: `maxReportsPerDay` a person a day (429 past it,
 * nothing stored), judged in the transaction that adds one.
 */
export async function reportComment(ctx: Context, caller: Caller, commentId: string, input: ReportIdeaRequest): Promise<{ reported: true }> {
  const { comment } = await commentFor(ctx, caller, commentId);
  if (comment.author_id === caller.id) throw forbidden('You cannot report your own comment.');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await refuseOverReports(tx, caller.id, now);
    const added = await tx.run('INSERT INTO idea_comment_reports (comment_id, reporter_id, reason, note, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [
      commentId,
      caller.id,
      input.reason,
      input.note?.trim() || null,
      now.toISOString(),
    ]);
    if (added.changes === 0) throw conflict('You already reported this comment.');
  });
  return { reported: true };
}

/** A facilitator dismisses a comment's open reports (it stays as it is). */
export async function dismissCommentReports(ctx: Context, caller: Caller, commentId: string): Promise<IdeaComment> {
  const { box } = await commentFor(ctx, caller, commentId);
  requireBoxFacilitator(box);
  const done = await ctx.db.run('UPDATE idea_comment_reports SET dismissed_at = ? WHERE comment_id = ? AND dismissed_at IS NULL', [ctx.now().toISOString(), commentId]);
  if (done.changes === 0) throw conflict('This comment has no report waiting.');
  return loadComment(ctx, caller, box, commentId);
}

type QueuedRow = CommentRow & { author_name: string; open_reports: number; idea_title: string };

/**
 * A box's comments waiting for its facilitators (the box already judged theirs): those
 * pre-moderation holds, oldest first, and those reported and not hidden, most reported
 * first — each at most `maxQueueLength`, with the idea's title and the reports.
 */
export async function commentQueues(ctx: Context, caller: Caller, boxId: string): Promise<CommentQueues> {
  const select = `SELECT c.*, u.name AS author_name, i.title AS idea_title,
      (SELECT COUNT(*) FROM idea_comment_reports r WHERE r.comment_id = c.id AND r.dismissed_at IS NULL) AS open_reports
    FROM idea_comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id WHERE i.activity_id = ?1`;
  const [pendingRows, reportedRows] = await Promise.all([
    ctx.db.all<QueuedRow>(`${select} AND c.moderation = 'pending' ORDER BY c.created_at, c.id LIMIT ?2`, [boxId, maxQueueLength]),
    ctx.db.all<QueuedRow>(
      `${select} AND c.hidden_at IS NULL AND c.id IN (SELECT comment_id FROM idea_comment_reports WHERE dismissed_at IS NULL)
        ORDER BY open_reports DESC, c.created_at, c.id LIMIT ?2`,
      [boxId, maxQueueLength],
    ),
  ]);
  const reports = reportedRows.length
    ? await ctx.db.all<{ comment_id: string; reason: string; note: string | null; created_at: string }>(
        `SELECT comment_id, reason, note, created_at FROM idea_comment_reports
          WHERE dismissed_at IS NULL AND comment_id IN (${reportedRows.map(() => '?').join(', ')}) ORDER BY created_at LIMIT 1000`,
        reportedRows.map((r) => r.id),
      )
    : [];
  const queued = (row: QueuedRow): QueuedComment => ({
    ...toComment(row, caller),
    ideaTitle: row.idea_title,
    reportDetails: reports.filter((r) => r.comment_id === row.id).map((r) => ({ reason: r.reason, note: r.note, at: r.created_at })),
  });
  return { pending: pendingRows.map(queued), reported: reportedRows.map(queued) };
}
