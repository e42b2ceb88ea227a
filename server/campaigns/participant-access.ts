import type { Activity } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import { toActivity, type ActivityRow } from '../activities/activities.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';

/**
 * A public participant reaches one thing of an organisation: its published idea boxes,
 * where they propose and vote as a contributor would. Any other box, any activity, is
 * 404 to them, like to a stranger. Reaching a box for a write (`join`) makes it one of the
 * campaigns they joined (`GET /api/public/me/campaigns`).
 */
export async function participantBox(ctx: Context, caller: Caller, activityId: string, join = true): Promise<Activity> {
  const row = await ctx.db.get<ActivityRow>(
    `SELECT * FROM activities WHERE id = ? AND org_id = ? AND kind = 'ideas' AND public_slug IS NOT NULL AND content_removed_at IS NULL`,
    [activityId, caller.orgId],
  );
  if (!row) throw notFound('idea box');
  if (!join) return toActivity(row, 'contributor');
  await ctx.db.run('INSERT INTO public_participations (user_id, activity_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
    caller.id,
    activityId,
    ctx.now().toISOString(),
  ]);
  return toActivity(row, 'contributor');
}

/** The published boxes a participant joined, newest first (at most 200). */
export async function myCampaigns(ctx: Context, caller: Caller): Promise<{ campaigns: { slug: string; title: string }[] }> {
  const rows = await ctx.db.all<{ slug: string; title: string }>(
    `SELECT a.public_slug AS slug, a.title FROM public_participations p JOIN activities a ON a.id = p.activity_id
      WHERE p.user_id = ? AND a.public_slug IS NOT NULL AND a.content_removed_at IS NULL ORDER BY p.joined_at DESC LIMIT 200`,
    [caller.id],
  );
  return { campaigns: rows };
}
