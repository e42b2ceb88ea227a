import type { IdeaNotice } from '#core/api/ideas';
import type { IdeaStatus } from '#core/ideas/status';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';

/** How much of a comment a notice about it repeats. */
const commentExcerptLength = 200;

/**
 * What became of the caller's ideas (answers, hidden, shown again, approved, off topic,
 * merged, rewarded) and of their comments (hidden, shown again, approved), newest first.
 */
export async function ideaNotices(ctx: Context, caller: Caller, limit = 50): Promise<{ notices: IdeaNotice[]; unread: number }> {
  const rows = await ctx.db.all<{
    id: number;
    idea_id: string;
    activity_id: string;
    title: string;
    kind: IdeaNotice['kind'];
    status: IdeaStatus | null;
    reason: string | null;
    other_idea_id: string | null;
    other_title: string | null;
    comment_id: string | null;
    comment_text: string | null;
    created_at: string;
    read_at: string | null;
  }>(
    `SELECT n.id, n.idea_id, i.activity_id, i.title, n.kind, n.status, n.reason, n.other_idea_id, o.title AS other_title,
            n.comment_id, substr(c.text, 1, ${commentExcerptLength}) AS comment_text, n.created_at, n.read_at
       FROM idea_notices n JOIN ideas i ON i.id = n.idea_id LEFT JOIN ideas o ON o.id = n.other_idea_id LEFT JOIN idea_comments c ON c.id = n.comment_id
      WHERE n.user_id = ? ORDER BY n.id DESC LIMIT ?`,
    [caller.id, limit],
  );
  const unread = await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM idea_notices WHERE user_id = ? AND read_at IS NULL', [caller.id]);
  return {
    notices: rows.map((r) => ({
      id: r.id,
      ideaId: r.idea_id,
      activityId: r.activity_id,
      ideaTitle: r.title,
      kind: r.kind,
      status: r.status,
      reason: r.reason,
      otherIdea: r.other_idea_id ? { id: r.other_idea_id, title: r.other_title ?? '' } : null,
      comment: r.comment_id ? { id: r.comment_id, text: r.comment_text ?? '' } : null,
      at: r.created_at,
      readAt: r.read_at,
    })),
    unread: unread?.n ?? 0,
  };
}

export async function readIdeaNotice(ctx: Context, caller: Caller, id: number) {
  const done = await ctx.db.run('UPDATE idea_notices SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?', [
    ctx.now().toISOString(),
    id,
    caller.id,
  ]);
  if (done.changes === 0) throw notFound('notice');
}
