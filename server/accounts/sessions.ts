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
  /** Signed up on a published idea box (a guest too): reaches the organisation's published boxes only. */
  participant?: boolean;
  /** The public id of the session the request came with (absent for callers built by hand). */
  sessionId?: string;
  /** A signed-up organisation's first administrator who has not opened the confirmation link yet: may not invite anyone. */
  emailUnconfirmed?: boolean;
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
  const row = await ctx.db.get<{
    id: string;
    org_id: string;
    name: string;
    role: OrgRole;
    guest: number;
    participant: number;
    email_unconfirmed: number;
    suspended_at: string | null;
    session_id: string | null;
    last_seen_at: string | null;
  }>(
    `SELECT u.id, u.org_id, u.name, u.role, u.guest, u.participant, u.email_unconfirmed, o.suspended_at, s.id AS session_id, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.org_id
      WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
    [tokenHash, now.toISOString()],
  );
  if (!row) throw new Refusal(ErrorCode.unauthenticated, 'This session has expired or was signed out.');
  // Read on every request: the operator's suspension (scripts/operator.ts) holds from the next one.
  if (row.suspended_at !== null) throw suspended();
  if (!row.last_seen_at || Date.parse(row.last_seen_at) < now.getTime() - lastSeenEveryMs) {
    await ctx.db.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [now.toISOString(), tokenHash]);
  }
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    role: row.role,
    guest: row.guest === 1,
    participant: row.participant === 1,
    sessionId: row.session_id ?? undefined,
    emailUnconfirmed: row.email_unconfirmed === 1,
  };
}

/** The refusal of everything a suspended organisation's people ask for (sign-in, requests, sync). */
export const suspended = () =>
  new Refusal(ErrorCode.organizationSuspended, 'Your organisation is suspended on this relay: its administrators should contact the operator.');

/** Refuses a person whose organisation is suspended (a sign-in, after the password was judged). */
export async function refuseSuspended(ctx: Context, userId: string): Promise<void> {
  const row = await ctx.db.get<{ suspended_at: string | null }>('SELECT o.suspended_at FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?', [userId]);
  if (row?.suspended_at) throw suspended();
}

/** Inviting or adding people waits for the address of a signed-up organisation's first administrator to be confirmed. */
export function refuseUnconfirmed(caller: Caller) {
  if (caller.emailUnconfirmed) {
    throw new Refusal(ErrorCode.emailUnconfirmed, 'Confirm your e-mail address first (open the link we sent you) before inviting anyone.');
  }
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
