import type { PublicComment, PublicCommentPage } from '#core/api/idea-comments';
import { commentShownSql } from '../ideas/comments.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import { publishedBox, shownPublicly } from './public-box.ts';

interface Row {
  id: string;
  idea_id: string;
  text: string;
  author: string | null;
  team: number;
  created_at: string;
}

/**
 * Who wrote a comment, as the public sees it: a participant's name only when they agreed
 * (and not erased or cut off); someone of the organisation as the organisation, never by name.
 * Binds nothing; reads `users u`.
 */
const authorColumns = `CASE WHEN u.participant = 1 AND u.public_name = 1 AND u.disabled_at IS NULL THEN u.name END AS author,
  (u.participant = 0) AS team`;

const toPublic = (row: Row): PublicComment => ({ id: row.id, text: row.text, author: row.author, team: row.team === 1, createdAt: row.created_at });

/**
 * One page of a published idea's comments, oldest first: approved and not hidden, on an
 * idea the public sees (anything else, the same 404 as an unknown idea). No address, no
 * phone, no member's name is read.
 */
export async function publicComments(ctx: Context, slug: string, ideaId: string, page: { offset: number; limit: number }): Promise<PublicCommentPage> {
  const box = await publishedBox(ctx.db, slug);
  const idea = await ctx.db.get('SELECT 1 AS one FROM ideas i WHERE i.id = ? AND i.activity_id = ? AND ' + shownPublicly, [ideaId, box.id]);
  if (!idea) throw notFound('idea');
  const rows = await ctx.db.all<Row>(
    `SELECT c.id, c.idea_id, c.text, c.created_at, ${authorColumns}
       FROM idea_comments c JOIN users u ON u.id = c.author_id
      WHERE c.idea_id = ? AND ${commentShownSql} ORDER BY c.created_at, c.id LIMIT ? OFFSET ?`,
    [ideaId, page.limit, page.offset],
  );
  const count = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM idea_comments c WHERE c.idea_id = ? AND ${commentShownSql}`, [ideaId]);
  const total = count?.n ?? 0;
  const end = page.offset + rows.length;
  return { comments: rows.map(toPublic), total, next: end < total && rows.length > 0 ? end : null };
}

/** How many comments the page shows under each idea: the latest, the rest a link away. */
export const commentsOnPage = 3;

/** The latest `commentsOnPage` shown comments of each idea on a public page, oldest first within each. */
export async function latestComments(db: Queries, ideaIds: readonly string[]): Promise<Map<string, PublicComment[]>> {
  const byIdea = new Map<string, PublicComment[]>();
  if (ideaIds.length === 0) return byIdea;
  // Each idea's shown comments walk idea_comments_shown newest first; the window keeps the latest few.
  const rows = await db.all<Row>(
    `SELECT id, idea_id, text, created_at, author, team FROM (
       SELECT c.id, c.idea_id, c.text, c.created_at, ${authorColumns},
              ROW_NUMBER() OVER (PARTITION BY c.idea_id ORDER BY c.created_at DESC, c.id DESC) AS nth
         FROM idea_comments c JOIN users u ON u.id = c.author_id
        WHERE c.idea_id IN (${ideaIds.map(() => '?').join(', ')}) AND ${commentShownSql}) shown
      WHERE nth <= ${commentsOnPage} ORDER BY created_at, id`,
    [...ideaIds],
  );
  for (const row of rows) byIdea.set(row.idea_id, [...(byIdea.get(row.idea_id) ?? []), toPublic(row)]);
  return byIdea;
}
