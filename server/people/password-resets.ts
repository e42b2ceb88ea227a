import { ErrorCode } from '#core/api/errors';
import { passwordResetLimits, passwordResetMinutes, type PasswordResetPreview } from '#core/api/people';
import { mailLanguage, renderMail } from '#core/mail/templates';
import { isLinkToken, passwordResetLink } from '#core/people/links';
import { openSession, revokeSessions } from '../accounts/sessions.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { SharedRates, SharedWindow } from '../auth/shared-rates.ts';
import { hashSecret, newId, newSecret } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import type { Queries } from '../store/db.ts';

interface ResetRow {
  id: string;
  user_id: string;
  email: string;
  expires_at: string;
  used_at: string | null;
  disabled_at: string | null;
}

/** Requests per network address and per e-mail address: counted whether or not the address has an account. */
export class ResetRates {
  readonly perAddress: SharedWindow;
  readonly perEmail: SharedWindow;

  constructor(private readonly rates: SharedRates) {
    this.perAddress = rates.window('password-resets.address', passwordResetLimits.perAddress, passwordResetLimits.windowMs);
    this.perEmail = rates.window('password-resets.email', passwordResetLimits.perEmail, passwordResetLimits.windowMs);
  }

  /** Refuses (429) before anything is looked up; counts both only when both allow. */
  async take(address: string, email: string, now: number) {
    const refused = await this.rates.takeTogether(now, [
      [this.perAddress, address],
      [this.perEmail, email],
    ]);
    if (refused) {
      throw new Refusal(ErrorCode.rateLimited, `Too many password reset requests: try again in ${refused.wait} s.`, undefined, { 'retry-after': String(refused.wait) });
    }
  }
}

/**
 * A link to choose a new password goes to `email` when it is a person's who may sign in.
 * The caller answers the same (202) either way: nothing here is told back.
 */
export async function requestPasswordReset(ctx: Context, email: string): Promise<void> {
  const user = await ctx.db.get<{ id: string; org_id: string; name: string; email: string; locale: string | null; org_locale: string }>(
    `SELECT u.id, u.org_id, u.name, u.email, u.locale, o.locale AS org_locale FROM users u JOIN organizations o ON o.id = u.org_id
      WHERE u.email = ? AND u.disabled_at IS NULL`,
    [email],
  );
  if (!user) {
    ctx.log.info('password reset asked for an address without an account');
    return;
  }
  const id = newId();
  const token = newSecret();
  const now = ctx.now();
  await ctx.db.run('INSERT INTO password_resets (id, token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
    id,
    hashSecret(token),
    user.id,
    now.toISOString(),
    new Date(now.getTime() + passwordResetMinutes * 60_000).toISOString(),
  ]);
  await ctx.mail.enqueue({
    orgId: user.org_id,
    userId: user.id,
    to: user.email,
    kind: 'password-reset',
    idempotencyKey: `password-reset:${id}`,
    content: renderMail('password-reset', mailLanguage(user.locale ?? user.org_locale), {
      name: user.name,
      link: passwordResetLink(ctx.config.publicUrl ?? '', token),
      minutes: passwordResetMinutes,
    }),
    sensitive: true,
  });
}

/** The reset a link opens, or why it cannot be used. */
async function usable(db: Queries, token: string, now: string): Promise<ResetRow> {
  if (!isLinkToken(token)) throw notFound('password reset link');
  const row = await db.get<ResetRow>(
    `SELECT r.id, r.user_id, u.email, r.expires_at, r.used_at, u.disabled_at FROM password_resets r JOIN users u ON u.id = r.user_id
      WHERE r.token_hash = ?`,
    [hashSecret(token)],
  );
  if (!row) throw notFound('password reset link');
  if (row.used_at) throw new Refusal(ErrorCode.linkUsed, 'This link was already used: ask for a new one if you need to.');
  if (row.expires_at <= now) throw new Refusal(ErrorCode.linkExpired, 'This link has expired: ask for a new one.');
  if (row.disabled_at) throw new Refusal(ErrorCode.accountDisabled, 'This account was disabled by an administrator.');
  return row;
}

export async function previewPasswordReset(ctx: Context, token: string): Promise<PasswordResetPreview> {
  const row = await usable(ctx.db, token, ctx.now().toISOString());
  return { email: row.email, expiresAt: row.expires_at };
}

/**
 * Sets the new password: the link and every other one of the person are spent and every
 * session ends in the same transaction, then live connections close and a session opens.
 */
export async function completePasswordReset(ctx: Context, token: string, password: string, device: string | null = null) {
  const first = await usable(ctx.db, token, ctx.now().toISOString());
  const hash = await hashPassword(ctx.hashing, password);
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now().toISOString();
    const row = await usable(tx, token, at);
    const spent = await tx.run('UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL', [at, row.id]);
    if (spent.changes !== 1) throw new Refusal(ErrorCode.linkUsed, 'This link was already used.');
    await tx.run('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [at, row.user_id]);
    await tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [hash, row.user_id]);
    await tx.run('UPDATE sync_tickets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [at, row.user_id]);
  });
  await revokeSessions(ctx, first.user_id);
  ctx.log.info({ userId: first.user_id }, 'password reset by e-mail link');
  return openSession(ctx, first.user_id, device);
}
