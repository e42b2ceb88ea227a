import type { AcceptInvitationRequest } from '#core/api/invitations';
import { ErrorCode } from '#core/api/errors';
import { isLinkToken } from '#core/people/links';
import { openSession } from '../accounts/sessions.ts';
import { phoneFor } from '../accounts/users.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashSecret, newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import { recordConsent } from '../sms/consent.ts';
import { statusOf, type InvitationRow } from './invitations.ts';
import { inviterStillVouches } from './standing.ts';

/** Why a link cannot be used, or the invitation it opens. */
async function usable(ctx: Context, db: Queries, token: string, now: string): Promise<InvitationRow> {
  if (!isLinkToken(token)) throw notFound('invitation');
  const row = await db.get<InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?', [hashSecret(token)]);
  if (!row) throw notFound('invitation');
  const status = statusOf(row, now);
  if (status === 'accepted') throw new Refusal(ErrorCode.linkUsed, 'This invitation was already accepted: sign in instead.');
  if (status === 'revoked') throw new Refusal(ErrorCode.linkRevoked, 'This invitation was withdrawn.');
  if (status === 'expired') throw new Refusal(ErrorCode.linkExpired, 'This invitation has expired: ask for a new one.');
  if (!(await inviterStillVouches(ctx, db, row))) throw new Refusal(ErrorCode.linkRevoked, 'This invitation was withdrawn.');
  return row;
}

/** What the acceptance screen shows before the person commits to anything. */
export async function previewInvitation(ctx: Context, token: string) {
  const row = await usable(ctx, ctx.db, token, ctx.now().toISOString());
  const more = await ctx.db.get<{ org: string; inviter: string; title: string | null }>(
    `SELECT o.name AS org, u.name AS inviter, a.title FROM organizations o JOIN users u ON u.id = ?
       LEFT JOIN activities a ON a.id = ? WHERE o.id = ?`,
    [row.invited_by, row.activity_id, row.org_id],
  );
  return {
    email: row.email,
    name: row.name,
    organization: more?.org ?? '',
    activityTitle: more?.title ?? null,
    inviterName: more?.inviter ?? '',
    guest: row.guest === 1,
    expiresAt: row.expires_at,
  };
}

/**
 * The invitee chooses their name and password (and may give a phone number and agree
 * to SMS, recorded as declared by them): their account, their membership and the
 * invitation's use are one transaction, so a link admits once.
 */
export async function acceptInvitation(ctx: Context, token: string, input: AcceptInvitationRequest, device: string | null = null) {
  const first = await usable(ctx, ctx.db, token, ctx.now().toISOString());
  const phone = input.phone === undefined ? null : await phoneFor(ctx, first.org_id, input.phone);
  const passwordHash = await hashPassword(ctx.hashing, input.password);
  const userId = newId();
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now().toISOString();
    const row = await usable(ctx, tx, token, at);
    if (await tx.get('SELECT 1 AS one FROM users WHERE email = ?', [row.email])) {
      throw new Refusal(
        ErrorCode.addressTaken,
        'This address already has a Conclave account, and an account belongs to one organisation: sign in to it; if it is with another organisation, ask whoever invited you to invite another of your addresses.',
      );
    }
    await tx.run(
      `INSERT INTO users (id, org_id, name, email, phone, password_hash, role, created_at, guest, locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [userId, row.org_id, input.name, row.email, phone, passwordHash, row.role, at, row.guest, input.language ?? null],
    );
    if (row.activity_id) {
      await tx.run(
        `INSERT INTO activity_members (activity_id, subject_kind, subject_id, role, added_at) VALUES (?, 'user', ?, ?, ?)`,
        [row.activity_id, userId, row.activity_role ?? 'contributor', at],
      );
    }
    if (phone && input.smsOptIn) {
      await recordConsent(tx, { orgId: row.org_id, phone, userId, action: 'opt_in', how: 'declared by the person on accepting an invitation', byUserId: userId, at });
    }
    const done = await tx.run('UPDATE invitations SET accepted_at = ?, accepted_user_id = ? WHERE id = ? AND accepted_at IS NULL', [at, userId, row.id]);
    if (done.changes !== 1) throw new Refusal(ErrorCode.linkUsed, 'This invitation was already accepted: sign in instead.');
  });
  if (first.activity_id) await ctx.events.accessChanged(first.activity_id);
  return openSession(ctx, userId, device);
}
