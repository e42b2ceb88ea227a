import { ErrorCode } from '#core/api/errors';
import type { OrgRole } from '#core/api/users';
import { hashSecret, newId, newSecret } from '../auth/tokens.ts';
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
  /** The public id of the session the request came with (absent for callers built by hand). */
  sessionId?: string;
}

/** How long a session's "last seen" may lag: it is written at most this often. */
const lastSeenEveryMs = 5 * 60_000;

/** What the sessions list shows of the device: its user agent, bounded. */
export const deviceOf = (userAgent: string | undefined) => (userAgent ?? '').replace(/\p{Cc}/gu, '').slice(0, 200) || null;

/** Opens a session for `userId` from `device` (a user agent, see `deviceOf`). */
export async function openSession(ctx: Context, userId: string, device: string | null = null) {
  const token = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionDays * 86_400_000).toISOString();
  await ctx.db.run('INSERT INTO sessions (token_hash, id, user_id, device, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    hashSecret(token),
    newId(),
    userId,
    device,
    now.toISOString(),
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
  const now = ctx.now();
  const tokenHash = hashSecret(match[1]);
  const row = await ctx.db.get<{ id: string; org_id: string; name: string; role: OrgRole; guest: number; session_id: string | null; last_seen_at: string | null }>(
    `SELECT u.id, u.org_id, u.name, u.role, u.guest, s.id AS session_id, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
    [tokenHash, now.toISOString()],
  );
  if (!row) throw new Refusal(ErrorCode.unauthenticated, 'This session has expired or was signed out.');
  if (!row.last_seen_at || Date.parse(row.last_seen_at) < now.getTime() - lastSeenEveryMs) {
    await ctx.db.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [now.toISOString(), tokenHash]);
  }
  return { id: row.id, orgId: row.org_id, name: row.name, role: row.role, guest: row.guest === 1, sessionId: row.session_id ?? undefined };
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
  if (caller.role !== 'admin' || caller.guest) throw new Refusal(ErrorCode.forbidden, 'Only an administrator may do this.');
}
