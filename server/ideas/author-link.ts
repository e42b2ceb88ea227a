import { publicIdeaLink } from '#core/api/campaigns';
import type { Context } from '../context.ts';

/**
 * Where an idea's author is sent to read about it. A public participant reaches nothing
 * of the app (its links are 404 to them): their idea on the published box's page. Anyone
 * else: `memberLink`, in the app.
 */
export async function authorLink(ctx: Context, authorId: string, boxId: string, ideaId: string, memberLink: string): Promise<string> {
  const row = await ctx.db.get<{ participant: number; slug: string | null }>(
    'SELECT u.participant, a.public_slug AS slug FROM users u JOIN activities a ON a.id = ? WHERE u.id = ?',
    [boxId, authorId],
  );
  if (row && Number(row.participant) === 1 && row.slug) return publicIdeaLink(ctx.config.publicUrl ?? '', row.slug, ideaId);
  return memberLink;
}
