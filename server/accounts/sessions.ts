import { ErrorCode } from '#core/api/errors';
import type { OrgRole } from '#core/api/users';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';

/** The person behind a request, as the relay knows them. */
export interface Caller {
  id: string;
  orgId: string;
  name: string;
  role: OrgRole;
  /** Invited to one activity from outside the organisation: sees only what they were invited to. */
  guest?: boolean;
}

export async function openSession(ctx: Context, userId: string) {
  const token = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionDays * 86_400_000).toISOString();
  await ctx.db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    hashSecret(token),
    userId,
    now.toISOString(),
    expiresAt,
  ]);
  return { token, expiresAt };
}

/** Resolves a bearer token to its caller, or refuses with 401. */
export async function authenticate(ctx: Context, authorization: string | undefined): Promise<Caller> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
  if (!match?.[1]) {
    throw new Refusal(ErrorCode.unauthenticated, 'Sign in first: send Authorization: Bearer <token>.');
  }
  const row = await ctx.db.get<{ id: string; org_id: string; name: string; role: OrgRole; guest: number }>(
    `SELECT u.id, u.org_id, u.name, u.role, u.guest FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
    [hashSecret(match[1]), ctx.now().toISOString()],
  );
  if (!row) throw new Refusal(ErrorCode.unauthenticated, 'This session has expired or was signed out.');
  return { id: row.id, orgId: row.org_id, name: row.name, role: row.role, guest: row.guest === 1 };
}

export async function signOut(ctx: Context, authorization: string | undefined) {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return;
  await ctx.db.run('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [
    ctx.now().toISOString(),
    hashSecret(token),
  ]);
}

/** Ends every session of a person: used when an admin revokes access. */
export async function revokeSessions(ctx: Context, userId: string): Promise<number> {
  const result = await ctx.db.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
    ctx.now().toISOString(),
    userId,
  ]);
  ctx.events.sessionsRevoked(userId);
  return result.changes;
}

/** Guests see the activities they were invited to, and nothing of the organisation. */
export function refuseGuests(caller: Caller) {
  if (caller.guest) throw new Refusal(ErrorCode.forbidden, 'Guests see only the activities they were invited to.');
}

export function requireAdmin(caller: Caller) {
  if (caller.role !== 'admin') throw new Refusal(ErrorCode.forbidden, 'Only an administrator may do this.');
}
