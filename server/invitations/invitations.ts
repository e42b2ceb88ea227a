import { createHash } from 'node:crypto';
import type { CreateInvitationRequest, Invitation } from '#core/api/invitations';
import { ErrorCode } from '#core/api/errors';
import { mailLanguage, renderMail } from '#core/mail/templates';
import { invitationLink } from '#core/people/links';
import { refuseUnconfirmed, type Caller } from '../accounts/sessions.ts';
import { requireFacilitator } from '../activities/activities.ts';
import type { SharedRates, SharedWindow } from '../auth/shared-rates.ts';
import { hashSecret, newId, newSecret } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import type { Queries, Store } from '../store/db.ts';
import { Refusal, forbidden, notFound } from '../errors.ts';
import { SmsRefused } from '../sms/gateway.ts';
import { requireRight } from '../organizations/rights.ts';
import { addMember } from '../activities/members.ts';

export const invitationDays = 7;
/** Invitations one person may send per day: an inviter cannot turn the relay into a mailer. */
export const invitationsPerDay = 200;
/** Invitation e-mails one address may receive a day, whoever sends them: no inbox is flooded with invitations. */
export const invitationMailsPerAddress = 3;

/**
 * Invitation e-mails in the last day (created or resent): per address, whoever sends them,
 * counted in the store (table `invitation_mails`, the address hashed), so that neither a
 * restart nor another relay node starts the count again; per inviter, whatever the
 * addresses, in memory shared with the other nodes (the store counts an inviter's new invitations too:
 * `invite`). The inviter's share is taken first, in the turn of the request (requests sent at
 * once cannot all pass), then the address's is judged and taken in one transaction; refused
 * there, the inviter's is given back: a refusal counts nothing.
 */
export class InvitationRates {
  private readonly inviters: SharedWindow;

  constructor(rates: SharedRates) {
    this.inviters = rates.window('invitations.inviter', invitationsPerDay, 86_400_000);
  }

  /** Counts one e-mail from `inviterId` to `email`, or throws 429 with Retry-After when either had its share today. */
  async take(db: Store, inviterId: string, email: string, now: number): Promise<void> {
    const byInviter = await this.inviters.take(inviterId, now);
    if (byInviter > 0) throw tooMany(`At most ${invitationsPerDay} invitations a day: try again in ${byInviter} s.`, byInviter);
    try {
      await db.transaction((tx) => takeAddressShare(tx, email, now));
    } catch (err) {
      void this.inviters.giveBack(inviterId, now);
      throw err;
    }
  }
}

/** How `invitation_mails` names an address (an erasure removes its rows: people/erase-elsewhere.ts). */
export const invitationAddressHash = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex');

/** One more invitation e-mail to `email` in the store's count, or 429 when it had its 3 in the last day (older ones are dropped). */
async function takeAddressShare(tx: Queries, email: string, now: number) {
  const address = invitationAddressHash(email);
  await tx.run('DELETE FROM invitation_mails WHERE address_hash = ? AND sent_at <= ?', [address, new Date(now - 86_400_000).toISOString()]);
  const sent = await tx.all<{ sent_at: string }>('SELECT sent_at FROM invitation_mails WHERE address_hash = ? ORDER BY sent_at LIMIT ?', [
    address,
    invitationMailsPerAddress,
  ]);
  if (sent.length >= invitationMailsPerAddress) {
    const wait = Math.max(1, Math.ceil((Date.parse(sent[0]!.sent_at) + 86_400_000 - now) / 1000));
    throw tooMany(`This address was sent ${invitationMailsPerAddress} invitations in the last day: try again in ${wait} s.`, wait);
  }
  await tx.run('INSERT INTO invitation_mails (address_hash, sent_at) VALUES (?, ?)', [address, new Date(now).toISOString()]);
}

const tooMany = (message: string, wait: number) => new Refusal(ErrorCode.rateLimited, message, undefined, { 'retry-after': String(wait) });

export interface InvitationRow {
  id: string;
  org_id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'member';
  activity_id: string | null;
  activity_role: 'facilitator' | 'contributor' | 'viewer' | null;
  guest: number;
  phone: string | null;
  invited_by: string;
  created_at: string;
  expires_at: string;
  sent_count: number;
  last_sent_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}

/** An address is inside the organisation when its domain is that of one of its administrators. */
async function insideOrganisation(ctx: Context, orgId: string, email: string): Promise<boolean> {
  const domain = email.split('@').pop() ?? '';
  // The domain is compared here, not in SQL: the engines split text differently (instr, strpos).
  const admins = await ctx.db.all<{ email: string }>(
    "SELECT email FROM users WHERE org_id = ? AND role = 'admin' AND guest = 0 AND disabled_at IS NULL LIMIT 10000",
    [orgId],
  );
  return admins.some((a) => (a.email.split('@').pop() ?? '').toLowerCase() === domain.toLowerCase());
}

/** Creates an invitation and sends its link (e-mail, and SMS when asked and allowed). */
export async function invite(ctx: Context, caller: Caller, input: CreateInvitationRequest, rates: InvitationRates) {
  refuseUnconfirmed(caller);
  let activityTitle: string | null = null;
  if (input.activityId) {
    activityTitle = (await requireFacilitator(ctx, caller, input.activityId)).title;
    if (caller.guest) throw forbidden('Guests may not invite people.');
  } else if (caller.role !== 'admin') {
    throw forbidden('Only an administrator invites people to the organisation; a facilitator invites to an activity.');
  }
  if (input.role === 'admin' && caller.role !== 'admin') throw forbidden('Only an administrator may invite an administrator.');
  const existing = await ctx.db.get<{ id: string; name: string; org_id: string; disabled_at: string | null }>(
    'SELECT id, name, org_id, disabled_at FROM users WHERE email = ? AND erased_at IS NULL',
    [input.email],
  );
  // A person of the caller's own organisation: added to the activity, or refused (the caller may know its people).
  // An account elsewhere is none of the caller's business: invited like anyone (the link, once opened, says why it cannot make an account).
  if (existing && existing.org_id === caller.orgId) {
    if (input.activityId && existing.disabled_at === null) {
      // addMember holds a guest already in to the inviteGuests right, as for a new one.
      await addMember(ctx, caller, input.activityId, { userId: existing.id, role: input.activityRole ?? 'contributor' });
      return { status: 200 as const, body: { added: true as const, userId: existing.id, name: existing.name } };
    }
    throw new Refusal(ErrorCode.conflict, 'This address already has an account: add the person as a member instead.');
  }
  const guest = input.activityId !== undefined && !(await insideOrganisation(ctx, caller.orgId, input.email));
  if (guest) await requireRight(ctx, caller, 'inviteGuests');
  const since = new Date(ctx.now().getTime() - 86_400_000).toISOString();
  const sent = await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM invitations WHERE invited_by = ? AND last_sent_at > ?', [caller.id, since]);
  if ((sent?.n ?? 0) >= invitationsPerDay) throw new Refusal(ErrorCode.rateLimited, `At most ${invitationsPerDay} invitations a day.`);
  await rates.take(ctx.db, caller.id, input.email, ctx.now().getTime());
  const id = newId();
  const token = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000).toISOString();
  await ctx.db.run(
    `INSERT INTO invitations (id, org_id, token_hash, email, name, role, activity_id, activity_role, guest, phone, invited_by, created_at, expires_at, last_sent_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      caller.orgId,
      hashSecret(token),
      input.email,
      input.name ?? null,
      guest ? 'member' : (input.role ?? 'member'),
      input.activityId ?? null,
      input.activityId ? (input.activityRole ?? 'contributor') : null,
      guest ? 1 : 0,
      input.phone ?? null,
      caller.id,
      now.toISOString(),
      expiresAt,
      now.toISOString(),
    ],
  );
  await sendInvitation(ctx, caller, id, token, { language: input.language, activityTitle });
  const sms = input.phone ? await smsInvitation(ctx, caller, id, token, input.phone) : null;
  return { status: 201 as const, body: { id, guest, expiresAt, sms } };
}

async function sendInvitation(ctx: Context, caller: Caller, id: string, token: string, opts: { language?: string; activityTitle: string | null }) {
  const row = await ctx.db.get<InvitationRow & { org: string; locale: string; sent_count: number }>(
    'SELECT i.*, o.name AS org, o.locale FROM invitations i JOIN organizations o ON o.id = i.org_id WHERE i.id = ?',
    [id],
  );
  if (!row) return;
  const link = invitationLink(ctx.config.publicUrl ?? '', token);
  await ctx.mail.enqueue({
    orgId: row.org_id,
    to: row.email,
    kind: 'invitation',
    idempotencyKey: `invitation:${id}:${row.sent_count}`,
    content: renderMail('invitation', mailLanguage(opts.language ?? row.locale), {
      inviterName: caller.name,
      organization: row.org,
      activityTitle: opts.activityTitle,
      link,
      expiresAt: row.expires_at,
      guest: row.guest === 1,
    }),
    sensitive: true,
    requestedBy: caller.id,
  });
}

/** The link by SMS, only to a number that agreed to SMS from this organisation (the gateway checks). */
async function smsInvitation(ctx: Context, caller: Caller, id: string, token: string, phone: string) {
  try {
    await ctx.sms.enqueue({
      orgId: caller.orgId,
      to: phone,
      text: `${caller.name} vous invite sur Conclave / invites you to Conclave: ${invitationLink(ctx.config.publicUrl ?? '', token)}`,
      kind: 'invitation',
      idempotencyKey: `invitation:${id}:${token.slice(0, 8)}`,
      urgent: true,
      requestedBy: caller.id,
    });
    return { sent: true, reason: null };
  } catch (err) {
    if (err instanceof SmsRefused) return { sent: false, reason: err.reason };
    throw err;
  }
}

/** Where an invitation stands at `now`: the one judgement behind the list and the link. */
export function statusOf(row: InvitationRow, now: string): Invitation['status'] {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

/** Invitations the caller may see: all of the organisation for an administrator, their own otherwise. */
export async function listInvitations(ctx: Context, caller: Caller, status: 'pending' | 'all'): Promise<Invitation[]> {
  const now = ctx.now().toISOString();
  const rows = await ctx.db.all<InvitationRow & { title: string | null; inviter: string }>(
    `SELECT i.*, a.title, u.name AS inviter FROM invitations i JOIN users u ON u.id = i.invited_by LEFT JOIN activities a ON a.id = i.activity_id
      WHERE i.org_id = ? AND (? = 1 OR i.invited_by = ?)
        AND (? = 'all' OR (i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?))
      ORDER BY i.created_at DESC LIMIT 1000`,
    [caller.orgId, caller.role === 'admin' && !caller.guest ? 1 : 0, caller.id, status, now],
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    activityId: r.activity_id,
    activityTitle: r.title,
    activityRole: r.activity_role,
    guest: r.guest === 1,
    invitedBy: { id: r.invited_by, name: r.inviter },
    status: statusOf(r, now),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastSentAt: r.last_sent_at,
    sentCount: r.sent_count,
    acceptedAt: r.accepted_at,
    acceptedUserId: r.accepted_user_id,
  }));
}

/** The invitation if the caller may manage it (its inviter, or an administrator). */
async function manageable(ctx: Context, caller: Caller, id: string): Promise<InvitationRow> {
  const row = await ctx.db.get<InvitationRow>('SELECT * FROM invitations WHERE id = ? AND org_id = ?', [id, caller.orgId]);
  if (!row || caller.guest || (row.invited_by !== caller.id && caller.role !== 'admin')) throw notFound('invitation');
  if (row.accepted_at) throw new Refusal(ErrorCode.conflict, 'This invitation was already accepted.');
  return row;
}

export async function revokeInvitation(ctx: Context, caller: Caller, id: string) {
  await manageable(ctx, caller, id);
  await ctx.db.run('UPDATE invitations SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [ctx.now().toISOString(), id]);
}

/** A new link (the old one stops working), a new expiry, and the e-mail again, sent in the caller's name. */
export async function resendInvitation(ctx: Context, caller: Caller, id: string, rates: InvitationRates): Promise<Invitation> {
  const row = await manageable(ctx, caller, id);
  if (row.revoked_at) throw new Refusal(ErrorCode.conflict, 'This invitation was revoked: invite the person again.');
  if (row.sent_count >= 10) throw new Refusal(ErrorCode.rateLimited, 'This invitation was sent ten times already.');
  await rates.take(ctx.db, caller.id, row.email, ctx.now().getTime());
  const token = newSecret();
  const now = ctx.now();
  // Whoever resends it vouches for it from now on (an administrator taking over a leaver's, standing.ts).
  // Gone meanwhile (accepted, or removed with an erased address: people/erase-elsewhere.ts): nothing is sent.
  const { changes } = await ctx.db.run(
    'UPDATE invitations SET token_hash = ?, expires_at = ?, last_sent_at = ?, sent_count = sent_count + 1, invited_by = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
    [hashSecret(token), new Date(now.getTime() + invitationDays * 86_400_000).toISOString(), now.toISOString(), caller.id, id],
  );
  if (changes === 0) throw notFound('invitation');
  const title = row.activity_id ? ((await ctx.db.get<{ title: string }>('SELECT title FROM activities WHERE id = ?', [row.activity_id]))?.title ?? null) : null;
  await sendInvitation(ctx, caller, id, token, { activityTitle: title });
  const resent = (await listInvitations(ctx, caller, 'all')).find((i) => i.id === id);
  if (!resent) throw notFound('invitation');
  return resent;
}
