import type { IncomingHttpHeaders } from 'node:http';
import { normalizePhone } from '#core/people/phone';
import { ErrorCode } from '#core/api/errors';
import type { CreateUserRequest, Me, UpdateUserRequest, User } from '#core/api/users';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { hashSecret, newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { recordConsent } from '../sms/consent.ts';
import { Refusal, notFound } from '../errors.ts';
import { refuseGuestsAmong } from './guests.ts';
import { judgePassword } from './password-guesses.ts';
import { refuseGuests, refuseUnconfirmed, revokeSessions, type Caller } from './sessions.ts';
import { rightsOf } from '../organizations/rights.ts';

interface UserRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: 'admin' | 'member';
  created_at: string;
  guest: number;
  disabled_at: string | null;
}

const columns = 'id, name, email, phone, role, created_at, guest, disabled_at';

export function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, email: row.email, phone: row.phone, role: row.role, createdAt: row.created_at, guest: row.guest === 1, disabled: row.disabled_at !== null };
}

export async function organizationOf(ctx: Context, orgId: string) {
  const org = await ctx.db.get<{ id: string; name: string; region: string; locale: string }>(
    'SELECT id, name, region, locale FROM organizations WHERE id = ?',
    [orgId],
  );
  if (!org) throw notFound('organisation');
  return org;
}

/** Normalises a typed phone number to E.164 in the organisation's region, or refuses it. */
export async function phoneFor(ctx: Context, orgId: string, input: string): Promise<string> {
  const { region } = await organizationOf(ctx, orgId);
  const result = normalizePhone(input, region);
  if (!result.ok) throw new Refusal(ErrorCode.validation, `phone: ${result.reason}`, [{ path: 'phone', message: result.reason }]);
  return result.e164;
}

export async function createUser(ctx: Context, caller: Caller, input: CreateUserRequest): Promise<{ id: string }> {
  refuseUnconfirmed(caller);
  const phone = input.phone === undefined ? null : await phoneFor(ctx, caller.orgId, input.phone);
  const passwordHash = await hashPassword(ctx.hashing, input.password);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM users WHERE email = ?', [input.email])) {
      throw new Refusal(ErrorCode.conflict, `Someone already uses ${input.email}.`);
    }
    await tx.run(
      `INSERT INTO users (id, org_id, name, email, phone, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, caller.orgId, input.name, input.email, phone, passwordHash, input.role, ctx.now().toISOString()],
    );
    if (input.smsOptIn && phone) {
      await recordConsent(tx, {
        orgId: caller.orgId,
        phone,
        userId: id,
        action: 'opt_in',
        how: 'declared by admin',
        byUserId: caller.id,
        at: ctx.now().toISOString(),
      });
    }
  });
  return { id };
}

export async function updateUser(ctx: Context, caller: Caller, id: string, input: UpdateUserRequest): Promise<User> {
  const existing = await getUser(ctx, caller, id);
  const phone =
    input.phone === undefined ? existing.phone : input.phone === null ? null : await phoneFor(ctx, caller.orgId, input.phone);
  if (input.role === 'admin' && existing.guest) await refuseGuestsAmong(ctx.db, caller.orgId, [id], 'be an administrator');
  if (input.disabled === true && id === caller.id) throw new Refusal(ErrorCode.conflict, 'You cannot disable yourself.');
  if ((input.role === 'member' || input.disabled === true) && existing.role === 'admin') {
    const admins = await ctx.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM users WHERE org_id = ? AND role = 'admin' AND disabled_at IS NULL",
      [caller.orgId],
    );
    if ((admins?.n ?? 0) <= 1) throw new Refusal(ErrorCode.conflict, 'The last administrator cannot be demoted.');
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.run('UPDATE users SET name = ?, phone = ?, role = ? WHERE id = ?', [input.name ?? existing.name, phone, input.role ?? existing.role, id]);
    if (input.disabled === false) await tx.run('UPDATE users SET disabled_at = NULL WHERE id = ?', [id]);
    if (input.disabled === true && !existing.disabled) {
      await tx.run('UPDATE users SET disabled_at = ? WHERE id = ?', [at, id]);
      // Tickets minted before are dead too (the upgrade also checks the account).
      await tx.run('UPDATE sync_tickets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [at, id]);
    }
  });
  if (input.name !== undefined && input.name !== existing.name) ctx.events.renamed(id, input.name);
  if (input.disabled === true) await revokeSessions(ctx, id);
  return getUser(ctx, caller, id);
}

/** A person of the caller's organisation; their phone number only for admins and themself. */
export async function getUser(ctx: Context, caller: Caller, id: string): Promise<User> {
  if (caller.id !== id) refuseGuests(caller);
  const row = await ctx.db.get<UserRow>(`SELECT ${columns} FROM users WHERE id = ? AND org_id = ?`, [id, caller.orgId]);
  if (!row) throw notFound('person');
  return asSeenBy(caller, row);
}

/** The caller as they see themself (`GET /api/me`). */
export async function meOf(ctx: Context, caller: Caller): Promise<Me> {
  const user = await getUser(ctx, caller, caller.id);
  const row = await ctx.db.get<{ locale: string | null; public_name: number }>('SELECT locale, public_name FROM users WHERE id = ?', [caller.id]);
  const language = row?.locale === 'fr' || row?.locale === 'en' ? row.locale : null;
  const namedPublicly = Number(row?.public_name) === 1;
  return { ...user, language, organization: await organizationOf(ctx, caller.orgId), rights: await rightsOf(ctx, caller), namedPublicly };
}

/** Everyone in the caller's organisation; phone numbers only for admins and oneself. */
export async function listUsers(ctx: Context, caller: Caller, includeDisabled = false): Promise<User[]> {
  refuseGuests(caller);
  const all = includeDisabled && caller.role === 'admin' ? 1 : 0;
  const rows = await ctx.db.all<UserRow>(
    `SELECT ${columns} FROM users WHERE org_id = ? AND (? = 1 OR disabled_at IS NULL) AND erased_at IS NULL ORDER BY lower(name)`,
    [caller.orgId, all],
  );
  return rows.map((row) => asSeenBy(caller, row));
}

function asSeenBy(caller: Caller, row: UserRow): User {
  const user = toUser(row);
  return caller.role === 'admin' || caller.id === row.id ? user : { ...user, phone: null };
}

export async function checkCredentials(ctx: Context, email: string, password: string): Promise<string> {
  const row = await ctx.db.get<{ id: string; password_hash: string; disabled_at: string | null }>(
    'SELECT id, password_hash, disabled_at FROM users WHERE email = ?',
    [email],
  );
  // Hash even when the person does not exist, so timing does not tell who has an account.
  const ok = await verifyPassword(ctx.hashing, password, row?.password_hash ?? dummyHash);
  if (!row || !ok) throw new Refusal(ErrorCode.invalidCredentials, 'Wrong e-mail or password.');
  // Said only to someone who knows the password.
  if (row.disabled_at) throw new Refusal(ErrorCode.accountDisabled, 'This account was disabled by an administrator.');
  return row.id;
}

/**
 * A person changes their own password; every other session of theirs ends. The current
 * password is judged under the sign-in throttle: a session is no licence to guess it.
 */
export async function changePassword(ctx: Context, caller: Caller, from: { address: string; headers: IncomingHttpHeaders }, current: string, next: string) {
  const row = await ctx.db.get<{ email: string; password_hash: string }>('SELECT email, password_hash FROM users WHERE id = ?', [caller.id]);
  if (!row) throw new Refusal(ErrorCode.invalidCredentials, 'The current password is wrong.');
  await judgePassword(ctx, row.email, from.address, async () => {
    if (!(await verifyPassword(ctx.hashing, current, row.password_hash))) throw new Refusal(ErrorCode.invalidCredentials, 'The current password is wrong.');
  });
  const authorization = from.headers.authorization;
  const hash = await hashPassword(ctx.hashing, next);
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  await ctx.db.transaction(async (tx) => {
    await tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [hash, caller.id]);
    await tx.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?', [
      ctx.now().toISOString(),
      caller.id,
      hashSecret(token),
    ]);
  });
}

const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
