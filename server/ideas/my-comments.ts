import type { IdeaComment } from '#core/api/idea-comments';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { ideaBox } from './access.ts';
import { commentShownSql, toComment, type CommentRow } from './comments.ts';

/** How many of one's held comments are listed at once (the newest). */
export const maxHeldComments = 50;

/**
 * The caller's own comments on a box's ideas that not everyone sees — waiting for a
 * facilitator's approval, or hidden with the reason — newest first, at most
 * `maxHeldComments`: their author finds them again on any device, on the page they use
 * (a public participant on the campaign's page). Nobody else's; the box must be the caller's
 * to read (a participant's: published), anything else 404.
 */
export async function myHeldComments(ctx: Context, caller: Caller, boxId: string): Promise<{ comments: IdeaComment[] }> {
  const box = await ideaBox(ctx, caller, boxId, 'public-read');
  const rows = await ctx.db.all<CommentRow & { author_name: string; open_reports: number }>(
    `SELECT c.*, u.name AS author_name, 0 AS open_reports
       FROM idea_comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
      WHERE i.activity_id = ? AND c.author_id = ? AND NOT ${commentShownSql}
      ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    [box.id, caller.id, maxHeldComments],
  );
  return { comments: rows.map((row) => toComment(row, caller)) };
}
