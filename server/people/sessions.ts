import type { SessionInfo } from '#core/api/people';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';

/** The caller's sessions still open, most recently used first (at most 200). */
export async function listSessions(ctx: Context, caller: Caller): Promise<SessionInfo[]> {
  const rows = await ctx.db.all<{ id: string; device: string | null; created_at: string; last_seen_at: string | null; expires_at: string }>(
    `SELECT id, device, created_at, last_seen_at, expires_at FROM sessions
      WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? AND id IS NOT NULL
      ORDER BY COALESCE(last_seen_at, created_at) DESC LIMIT 200`,
    [caller.id, ctx.now().toISOString()],
  );
  return rows.map((r) => ({
    id: r.id,
    device: r.device,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    current: r.id === caller.sessionId,
  }));
}

/** Ends one of the caller's sessions; their live connections close (the others' reconnect with their own session). */
export async function revokeSession(ctx: Context, caller: Caller, id: string) {
  const done = await ctx.db.run('UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL', [ctx.now().toISOString(), id, caller.id]);
  if (done.changes === 0) throw notFound('session');
  ctx.events.sessionsRevoked(caller.id);
}

/** Ends every session of the caller but the one this request came with. */
export async function revokeOtherSessions(ctx: Context, caller: Caller): Promise<number> {
  // `id IS NOT ?` is SQLite's alone: a session id is never empty, so '' stands for "no session".
  const done = await ctx.db.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id <> ?', [
    ctx.now().toISOString(),
    caller.id,
    caller.sessionId ?? '',
  ]);
  if (done.changes > 0) ctx.events.sessionsRevoked(caller.id);
  return done.changes;
}
