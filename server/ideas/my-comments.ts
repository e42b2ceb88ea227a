import type { IdeaComment } from '#core/api/idea-comments';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { ideaBox } from './access.ts';
import { commentShownSql, toComment, type CommentRow } from './comments.ts';

/** How many of one's held comments are listed at once (the newest). */
export const maxHeldComments = 50;
/** How many of one's comments everyone sees are named (the newest), so the page marks them as the caller's. */
export const maxShownIds = 500;

/**
 * The caller's own comments on a box's ideas that not everyone sees — waiting for a
 * facilitator's approval, or hidden with the reason — newest first, at most
 * `maxHeldComments`: their author finds them again on any device, on the page they use
 * (a public participant on the campaign's page). With them, the ids of the caller's comments
 * everyone sees, newest first, at most `maxShownIds`: the public page, the same for anyone,
 * marks them as the reader's own (no "Report" under them). Nobody else's; the box must be
 * the caller's to read (a participant's: published), anything else 404.
 */
export async function myHeldComments(ctx: Context, caller: Caller, boxId: string): Promise<{ comments: IdeaComment[]; shown: string[] }> {
  const box = await ideaBox(ctx, caller, boxId, 'public-read');
  const rows = await ctx.db.all<CommentRow & { author_name: string; open_reports: number }>(
    `SELECT c.*, u.name AS author_name, 0 AS open_reports
       FROM idea_comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
      WHERE i.activity_id = ? AND c.author_id = ? AND NOT ${commentShownSql}
      ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    [box.id, caller.id, maxHeldComments],
  );
  const shown = await ctx.db.all<{ id: string }>(
    `SELECT c.id FROM idea_comments c JOIN ideas i ON i.id = c.idea_id
      WHERE i.activity_id = ? AND c.author_id = ? AND ${commentShownSql}
      ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    [box.id, caller.id, maxShownIds],
  );
  return { comments: rows.map((row) => toComment(row, caller)), shown: shown.map((row) => row.id) };
}
