import { refuseGuestsAmong } from '../accounts/guests.ts';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';

/** Controllers: the people an administrator lets define figures and enter their values. */
export async function listControllers(ctx: Context, orgId: string): Promise<string[]> {
  const rows = await ctx.db.all<{ user_id: string }>('SELECT user_id FROM figure_controllers WHERE org_id = ?', [orgId]);
  return rows.map((r) => r.user_id);
}

async function requirePerson(ctx: Context, orgId: string, userId: string) {
  const user = await ctx.db.get('SELECT 1 AS one FROM users WHERE id = ? AND org_id = ?', [userId, orgId]);
  if (!user) throw notFound('person');
}

/** Makes a person of the organisation a controller (again is harmless). */
export async function grantController(ctx: Context, admin: Caller, userId: string): Promise<void> {
  await requirePerson(ctx, admin.orgId, userId);
  await refuseGuestsAmong(ctx.db, admin.orgId, [userId], 'be a figures controller');
  await ctx.db.run('INSERT INTO figure_controllers (org_id, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
    admin.orgId,
    userId,
    admin.id,
    ctx.now().toISOString(),
  ]);
}

export async function revokeController(ctx: Context, admin: Caller, userId: string): Promise<void> {
  await requirePerson(ctx, admin.orgId, userId);
  await ctx.db.run('DELETE FROM figure_controllers WHERE org_id = ? AND user_id = ?', [admin.orgId, userId]);
}
