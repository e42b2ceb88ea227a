import { randomInt } from 'node:crypto';
import { ErrorCode } from '#core/api/errors';
import {
  emailChangeHours,
  phoneCodeAttempts,
  phoneCodeMinutes,
  profileLimits,
  type EmailChangeRequest,
  type PhoneChangeRequest,
  type UpdateProfileRequest,
} from '#core/api/people';
import type { Me } from '#core/api/users';
import { publicEmailChangeLink } from '#core/api/campaigns';
import { mailLanguage, renderMail } from '#core/mail/templates';
import { emailChangeLink, isLinkToken } from '#core/people/links';
import { judgePassword } from '../accounts/password-guesses.ts';
import { addressKey } from '../accounts/sign-in-throttle.ts';
import type { Caller } from '../accounts/sessions.ts';
import { meOf, phoneFor } from '../accounts/users.ts';
import { verifyPassword } from '../auth/passwords.ts';
import type { SharedRates, SharedWindow } from '../auth/shared-rates.ts';
import { hashSecret, newId, newSecret } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import { SmsRefused } from '../sms/gateway.ts';
import { recordConsent } from '../sms/consent.ts';

/**
 * E-mail changes and SMS codes one person may ask for (a day's and an hour's worth), and
 * codes one number may receive an hour whoever asks: members cannot take turns texting it.
 */
export class ProfileRates {
  readonly emailChanges: SharedWindow;
  /** E-mail changes public participants from one network address ask a day (members are not counted by address). */
  readonly emailChangesPerAddress: SharedWindow;
  readonly phoneCodes: SharedWindow;
  readonly codesPerNumber: SharedWindow;
  /** Codes public participants from one network address are sent an hour (members are not counted by address). */
  readonly codesPerAddress: SharedWindow;

  constructor(private readonly rates: SharedRates) {
    this.emailChanges = rates.window('profile.email-changes', profileLimits.emailChanges, 86_400_000);
    this.emailChangesPerAddress = rates.window('profile.email-changes.address', profileLimits.emailChangesPerAddress, 86_400_000);
    this.phoneCodes = rates.window('profile.phone-codes', profileLimits.phoneCodes, 3_600_000);
    this.codesPerNumber = rates.window('profile.phone-codes.number', profileLimits.phoneCodes, 3_600_000);
    this.codesPerAddress = rates.window('profile.phone-codes.address', profileLimits.phoneCodesPerAddress, 3_600_000);
  }

  /** One e-mail change of `userId` (from `address`, a participant's, or null), all counted or none: 429 naming the limit reached. */
  async takeEmailChange(userId: string, address: string | null, at: number) {
    const takes: [SharedWindow, string, string][] = [[this.emailChanges, userId, 'Too many e-mail changes today']];
    if (address !== null) takes.unshift([this.emailChangesPerAddress, address, 'Too many e-mail changes from this network address today']);
    await this.takeAll(takes, at);
  }

  /** One code by SMS for `userId` to `phone` (from `address`, a participant's, or null), all counted or none: 429 naming the limit reached. */
  async takePhoneCode(userId: string, phone: string, address: string | null, at: number) {
    const takes: [SharedWindow, string, string][] = [
      [this.codesPerNumber, phone, 'This number was sent enough codes this hour'],
      [this.phoneCodes, userId, 'Too many codes by SMS this hour'],
    ];
    if (address !== null) takes.unshift([this.codesPerAddress, address, 'Too many codes by SMS from this network address this hour']);
    await this.takeAll(takes, at);
  }

  private async takeAll(takes: [SharedWindow, string, string][], at: number) {
    const refused = await this.rates.takeTogether(at, takes.map(([window, key]) => [window, key] as const));
    if (!refused) return;
    const what = takes[refused.index]?.[2] ?? 'Too many requests';
    throw new Refusal(ErrorCode.rateLimited, `${what}: try again in ${refused.wait} s.`, undefined, { 'retry-after': String(refused.wait) });
  }
}

async function person(ctx: Context, id: string) {
  const row = await ctx.db.get<{ name: string; email: string; locale: string | null; org_locale: string; password_hash: string }>(
    'SELECT u.name, u.email, u.locale, u.password_hash, o.locale AS org_locale FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?',
    [id],
  );
  if (!row) throw notFound('person');
  return { ...row, language: mailLanguage(row.locale ?? row.org_locale) };
}

export async function updateProfile(ctx: Context, caller: Caller, input: UpdateProfileRequest): Promise<Me> {
  if (input.name !== undefined) {
    await ctx.db.run('UPDATE users SET name = ? WHERE id = ?', [input.name, caller.id]);
    ctx.events.renamed(caller.id, input.name);
  }
  if (input.language !== undefined) await ctx.db.run('UPDATE users SET locale = ? WHERE id = ?', [input.language, caller.id]);
  if (input.namedPublicly !== undefined) await setNamedPublicly(ctx, caller.id, input.namedPublicly);
  return meOf(ctx, { ...caller, name: input.name ?? caller.name });
}

/** The one consent to be named publicly (migration 902): public pages and halls of fame alike. */
export async function setNamedPublicly(ctx: Context, userId: string, named: boolean): Promise<void> {
  await ctx.db.run('UPDATE users SET public_name = ? WHERE id = ?', [named ? 1 : 0, userId]);
}

/**
 * Where the e-mail change link leads: a public participant, who reaches nothing of the app,
 * to the page of the campaign they joined last (its script confirms it); anyone else into the app.
 */
async function changeLink(ctx: Context, caller: Caller, token: string): Promise<string> {
  const base = ctx.config.publicUrl ?? '';
  if (!caller.participant) return emailChangeLink(base, token);
  const joined = await ctx.db.get<{ slug: string }>(
    `SELECT a.public_slug AS slug FROM public_participations p JOIN activities a ON a.id = p.activity_id
      WHERE p.user_id = ? AND a.public_slug IS NOT NULL ORDER BY p.joined_at DESC LIMIT 1`,
    [caller.id],
  );
  return joined ? publicEmailChangeLink(base, joined.slug, token) : emailChangeLink(base, token);
}

/** A link to the new address; nothing changes until it is opened. */
export async function requestEmailChange(ctx: Context, rates: ProfileRates, caller: Caller, input: EmailChangeRequest, remoteAddress: string | undefined) {
  const me = await person(ctx, caller.id);
  // Judged like a sign-in (throttled before any hash): a session is no licence to guess the password.
  await judgePassword(ctx, me.email, remoteAddress, async () => {
    if (!(await verifyPassword(ctx.hashing, input.password, me.password_hash))) throw new Refusal(ErrorCode.invalidCredentials, 'The current password is wrong.');
  });
  if (input.email === me.email) throw new Refusal(ErrorCode.conflict, 'This is already your address.');
  const at = ctx.now().getTime();
  const address = caller.participant ? addressKey(remoteAddress) : null;
  await rates.takeEmailChange(caller.id, address, at);
  const id = newId();
  const token = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + emailChangeHours * 3_600_000).toISOString();
  await ctx.db.run('INSERT INTO email_changes (id, token_hash, user_id, new_email, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
    id,
    hashSecret(token),
    caller.id,
    input.email,
    now.toISOString(),
    expiresAt,
  ]);
  await ctx.mail.enqueue({
    orgId: caller.orgId,
    userId: caller.id,
    to: input.email,
    kind: 'email-change',
    idempotencyKey: `email-change:${id}`,
    content: renderMail('email-change', me.language, { name: me.name, link: await changeLink(ctx, caller, token), newEmail: input.email }),
    sensitive: true,
    requestedBy: caller.id,
  });
  return { expiresAt };
}

/** Opening the link: the address is the person's from now on, and the old one is told. */
export async function confirmEmailChange(ctx: Context, token: string): Promise<{ email: string }> {
  if (!isLinkToken(token)) throw notFound('e-mail change link');
  const changed = await ctx.db.transaction(async (tx) => {
    const at = ctx.now().toISOString();
    const row = await tx.get<{ id: string; user_id: string; new_email: string; expires_at: string; used_at: string | null; old_email: string; org_id: string }>(
      `SELECT c.id, c.user_id, c.new_email, c.expires_at, c.used_at, u.email AS old_email, u.org_id FROM email_changes c JOIN users u ON u.id = c.user_id
        WHERE c.token_hash = ? AND u.disabled_at IS NULL`,
      [hashSecret(token)],
    );
    if (!row) throw notFound('e-mail change link');
    if (row.used_at) throw new Refusal(ErrorCode.linkUsed, 'This address was already confirmed.');
    if (row.expires_at <= at) throw new Refusal(ErrorCode.linkExpired, 'This link has expired: ask for the change again.');
    if (await tx.get('SELECT 1 AS one FROM users WHERE email = ?', [row.new_email])) {
      throw new Refusal(ErrorCode.conflict, 'This address now belongs to another account.');
    }
    await tx.run('UPDATE email_changes SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [at, row.user_id]);
    await tx.run('UPDATE users SET email = ? WHERE id = ?', [row.new_email, row.user_id]);
    return row;
  });
  const me = await person(ctx, changed.user_id);
  await ctx.mail.enqueue({
    orgId: changed.org_id,
    userId: changed.user_id,
    to: changed.old_email,
    kind: 'email-changed',
    idempotencyKey: `email-changed:${changed.id}`,
    content: renderMail('email-changed', me.language, { name: me.name, newEmail: changed.new_email }),
  });
  return { email: changed.new_email };
}

const codeHash = (userId: string, code: string) => hashSecret(`${userId}:${code}`);

/**
 * `phone: null` removes the number at once; a number waits for the code sent to it. Each
 * code is counted per person, per number and, for a public participant, per network
 * address (`remoteAddress`): every window judged before any counts, so a refusal sends and keeps nothing.
 */
export async function requestPhoneChange(
  ctx: Context,
  rates: ProfileRates,
  caller: Caller,
  input: PhoneChangeRequest,
  remoteAddress: string | undefined,
): Promise<Me | { expiresAt: string }> {
  if (input.phone === null) {
    await ctx.db.run('UPDATE users SET phone = NULL WHERE id = ?', [caller.id]);
    await ctx.db.run('DELETE FROM phone_changes WHERE user_id = ?', [caller.id]);
    return meOf(ctx, caller);
  }
  const phone = await phoneFor(ctx, caller.orgId, input.phone);
  const at = ctx.now().getTime();
  const address = caller.participant ? addressKey(remoteAddress) : null;
  await rates.takePhoneCode(caller.id, phone, address, at);
  const me = await person(ctx, caller.id);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + phoneCodeMinutes * 60_000).toISOString();
  try {
    await ctx.sms.enqueue({
      orgId: caller.orgId,
      to: phone,
      text: me.language === 'fr' ? `Conclave : votre code de confirmation est ${code}` : `Conclave: your confirmation code is ${code}`,
      kind: 'profile.phone-code',
      idempotencyKey: `phone-code:${caller.id}:${now.getTime()}`,
      urgent: true,
      verification: true,
      requestedBy: caller.id,
    });
  } catch (err) {
    if (err instanceof SmsRefused) throw new Refusal(ErrorCode.smsRefused, err.message);
    throw err;
  }
  await ctx.db.run(
    `INSERT INTO phone_changes (user_id, phone, sms_opt_in, code_hash, attempts, created_at, expires_at) VALUES (?, ?, ?, ?, 0, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET phone = excluded.phone, sms_opt_in = excluded.sms_opt_in, code_hash = excluded.code_hash,
       attempts = 0, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    [caller.id, phone, input.smsOptIn ? 1 : 0, codeHash(caller.id, code), now.toISOString(), expiresAt],
  );
  return { expiresAt };
}

/** The code proves the number is the person's: it becomes theirs, with the consent they gave. */
export async function confirmPhoneChange(ctx: Context, caller: Caller, code: string): Promise<Me> {
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now().toISOString();
    const row = await tx.get<{ phone: string; sms_opt_in: number; code_hash: string; attempts: number; expires_at: string }>(
      'SELECT phone, sms_opt_in, code_hash, attempts, expires_at FROM phone_changes WHERE user_id = ?',
      [caller.id],
    );
    if (!row) throw notFound('phone change');
    if (row.expires_at <= at || row.attempts >= phoneCodeAttempts) {
      throw new Refusal(ErrorCode.linkExpired, 'This code has expired or was tried too often: ask for a new one.');
    }
    if (row.code_hash !== codeHash(caller.id, code)) {
      await tx.run('UPDATE phone_changes SET attempts = attempts + 1 WHERE user_id = ?', [caller.id]);
      return 'wrong';
    }
    await tx.run('DELETE FROM phone_changes WHERE user_id = ?', [caller.id]);
    await tx.run('UPDATE users SET phone = ? WHERE id = ?', [row.phone, caller.id]);
    if (row.sms_opt_in === 1) {
      await recordConsent(tx, { orgId: caller.orgId, phone: row.phone, userId: caller.id, action: 'opt_in', how: 'declared by the person in their profile (number confirmed by SMS code)', byUserId: caller.id, at });
    }
    return 'done';
  }).then((outcome) => {
    if (outcome === 'wrong') throw new Refusal(ErrorCode.validation, 'This is not the code sent by SMS.', [{ path: 'code', message: 'wrong code' }]);
  });
  return meOf(ctx, caller);
}
