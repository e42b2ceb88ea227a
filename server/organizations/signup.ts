import { ErrorCode } from '#core/api/errors';
import type { SignupRequest } from '#core/api/organizations';
import { mailLanguage, renderMail } from '#core/mail/templates';
import { isLinkToken, signupConfirmLink } from '#core/people/links';
import { openSession } from '../accounts/sessions.ts';
import { addressKey } from '../accounts/sign-in-throttle.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { SharedRates, SharedWindow } from '../auth/shared-rates.ts';
import { hashSecret, newId, newSecret } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import type { Queries } from '../store/db.ts';

/** How long the link confirming a new organisation's first administrator works. */
export const confirmationHours = 72;
/** Confirmation e-mails one person may ask to be sent again in a day. */
export const resendsPerDay = 3;

/** Sign-ups per address per hour, and resends per person per day: kept in memory like the other per-address limits. */
export class SignupRates {
  readonly addresses: SharedWindow;
  readonly resends: SharedWindow;
  constructor(rates: SharedRates, perAddressPerHour: number) {
    this.addresses = rates.window('signup.address', perAddressPerHour, 3_600_000);
    this.resends = rates.window('signup.resends', resendsPerDay, 86_400_000);
  }
}

async function take(window: SharedWindow, key: string, now: number, what: string) {
  const wait = await window.take(key, now);
  if (wait > 0) throw new Refusal(ErrorCode.rateLimited, `Too many ${what}: try again in ${wait} s.`, undefined, { 'retry-after': String(wait) });
}

const taken = () => new Refusal(ErrorCode.conflict, 'This address already has an account: sign in instead.');

/**
 * `POST /api/organizations`: a new organisation on the plan the operator chose
 * (CONCLAVE_DEFAULT_PLAN) and its first administrator, signed in at once but unable to
 * invite anyone until their address is confirmed by the link e-mailed to it.
 * Refused (nothing hashed, nothing written) when sign-up is closed or the address signed
 * up too often this hour.
 */
export async function signUp(ctx: Context, rates: SignupRates, input: SignupRequest, remote: string | undefined, device: string | null) {
  if (!ctx.config.organizations.signupOpen) {
    throw new Refusal(ErrorCode.signupClosed, 'Organisations cannot sign up on this relay: ask its operator for an account.');
  }
  await take(rates.addresses, addressKey(remote), ctx.now().getTime(), 'sign-ups from this address this hour');
  if (await ctx.db.get('SELECT 1 AS one FROM users WHERE email = ?', [input.email])) throw taken();
  const passwordHash = await hashPassword(ctx.hashing, input.password);
  const now = ctx.now();
  const orgId = newId();
  const userId = newId();
  const token = newSecret();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM users WHERE email = ?', [input.email])) throw taken();
    await tx.run('INSERT INTO organizations (id, name, region, locale, created_at, plan, signed_up) VALUES (?, ?, ?, ?, ?, ?, 1)', [
      orgId,
      input.organization,
      input.region ?? 'FR',
      input.locale ?? 'fr',
      now.toISOString(),
      ctx.config.organizations.defaultPlan,
    ]);
    await tx.run(
      `INSERT INTO users (id, org_id, name, email, phone, password_hash, role, created_at, email_unconfirmed)
       VALUES (?, ?, ?, ?, NULL, ?, 'admin', ?, 1)`,
      [userId, orgId, input.name, input.email, passwordHash, now.toISOString()],
    );
    await insertConfirmation(tx, userId, token, now);
  });
  await sendConfirmation(ctx, userId, token);
  return { userId, orgId, ...(await openSession(ctx, userId, device)) };
}

async function insertConfirmation(tx: Queries, userId: string, token: string, now: Date) {
  await tx.run('INSERT INTO signup_confirmations (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    hashSecret(token),
    userId,
    now.toISOString(),
    new Date(now.getTime() + confirmationHours * 3_600_000).toISOString(),
  ]);
}

async function sendConfirmation(ctx: Context, userId: string, token: string) {
  const row = await ctx.db.get<{ name: string; email: string; locale: string | null; org_id: string; org: string; org_locale: string }>(
    'SELECT u.name, u.email, u.locale, u.org_id, o.name AS org, o.locale AS org_locale FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?',
    [userId],
  );
  if (!row) return;
  await ctx.mail.enqueue({
    orgId: row.org_id,
    userId,
    to: row.email,
    kind: 'signup-confirm',
    idempotencyKey: `signup-confirm:${hashSecret(token)}`,
    content: renderMail('signup-confirm', mailLanguage(row.locale ?? row.org_locale), {
      name: row.name,
      organization: row.org,
      link: signupConfirmLink(ctx.config.publicUrl ?? '', token),
      hours: confirmationHours,
    }),
    sensitive: true,
    requestedBy: userId,
  });
}

/** A new link for a person still unconfirmed (the first one lost or expired); the older links stop working. */
export async function resendConfirmation(ctx: Context, rates: SignupRates, userId: string) {
  const row = await ctx.db.get<{ email_unconfirmed: number }>('SELECT email_unconfirmed FROM users WHERE id = ?', [userId]);
  if (row?.email_unconfirmed !== 1) throw new Refusal(ErrorCode.conflict, 'Your address is already confirmed.');
  await take(rates.resends, userId, ctx.now().getTime(), 'confirmation e-mails today');
  const token = newSecret();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.run('UPDATE signup_confirmations SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [now.toISOString(), userId]);
    await insertConfirmation(tx, userId, token, now);
  });
  await sendConfirmation(ctx, userId, token);
  return { expiresAt: new Date(now.getTime() + confirmationHours * 3_600_000).toISOString() };
}

/** Opening the link: the address is confirmed, the person may invite others from now on. */
export async function confirmSignup(ctx: Context, token: string): Promise<{ confirmed: true }> {
  if (!isLinkToken(token)) throw notFound('confirmation link');
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now().toISOString();
    const row = await tx.get<{ user_id: string; expires_at: string; used_at: string | null }>(
      `SELECT c.user_id, c.expires_at, c.used_at FROM signup_confirmations c JOIN users u ON u.id = c.user_id
        WHERE c.token_hash = ? AND u.disabled_at IS NULL`,
      [hashSecret(token)],
    );
    if (!row) throw notFound('confirmation link');
    if (row.used_at) throw new Refusal(ErrorCode.linkUsed, 'This link was already used: your address is confirmed, or a newer link was sent.');
    if (row.expires_at <= at) throw new Refusal(ErrorCode.linkExpired, 'This link has expired: sign in and ask for a new one.');
    await tx.run('UPDATE signup_confirmations SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [at, row.user_id]);
    await tx.run('UPDATE users SET email_unconfirmed = 0 WHERE id = ?', [row.user_id]);
  });
  return { confirmed: true };
}
