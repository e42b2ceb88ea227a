import { normalizePhone } from '#core/people/phone';
import { ErrorCode } from '#core/api/errors';
import type { CreateUserRequest, UpdateUserRequest, User } from '#core/api/users';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { recordConsent } from '../sms/consent.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { refuseGuests, type Caller } from './sessions.ts';

interface UserRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: 'admin' | 'member';
  created_at: string;
  guest: number;
}

const columns = 'id, name, email, phone, role, created_at, guest';

export function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, email: row.email, phone: row.phone, role: row.role, createdAt: row.created_at, guest: row.guest === 1 };
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
  if (!result.ok) throw new HttpError(ErrorCode.validation, `phone: ${result.reason}`, [{ path: 'phone', message: result.reason }]);
  return result.e164;
}

export async function createUser(ctx: Context, caller: Caller, input: CreateUserRequest): Promise<{ id: string }> {
  const phone = input.phone === undefined ? null : await phoneFor(ctx, caller.orgId, input.phone);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM users WHERE email = ?', [input.email])) {
      throw new HttpError(ErrorCode.conflict, `Someone already uses ${input.email}.`);
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
  if (input.role === 'member' && existing.role === 'admin') {
    const admins = await ctx.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM users WHERE org_id = ? AND role = 'admin' AND disabled_at IS NULL",
      [caller.orgId],
    );
    if ((admins?.n ?? 0) <= 1) throw new HttpError(ErrorCode.conflict, 'The last administrator cannot be demoted.');
  }
  await ctx.db.run('UPDATE users SET name = ?, phone = ?, role = ? WHERE id = ?', [
    input.name ?? existing.name,
    phone,
    input.role ?? existing.role,
    id,
  ]);
  return getUser(ctx, caller, id);
}

/** A person of the caller's organisation; their phone number only for admins and themself. */
export async function getUser(ctx: Context, caller: Caller, id: string): Promise<User> {
  if (caller.id !== id) refuseGuests(caller);
  const row = await ctx.db.get<UserRow>(`SELECT ${columns} FROM users WHERE id = ? AND org_id = ?`, [id, caller.orgId]);
  if (!row) throw notFound('person');
  return asSeenBy(caller, row);
}

/** Everyone in the caller's organisation; phone numbers only for admins and oneself. */
export async function listUsers(ctx: Context, caller: Caller): Promise<User[]> {
  refuseGuests(caller);
  const rows = await ctx.db.all<UserRow>(
    `SELECT ${columns} FROM users WHERE org_id = ? AND disabled_at IS NULL ORDER BY name COLLATE NOCASE`,
    [caller.orgId],
  );
  return rows.map((row) => asSeenBy(caller, row));
}

function asSeenBy(caller: Caller, row: UserRow): User {
  const user = toUser(row);
  return caller.role === 'admin' || caller.id === row.id ? user : { ...user, phone: null };
}

export async function checkCredentials(ctx: Context, email: string, password: string): Promise<string> {
  const row = await ctx.db.get<{ id: string; password_hash: string }>(
    'SELECT id, password_hash FROM users WHERE email = ? AND disabled_at IS NULL',
    [email],
  );
  // Hash even when the person does not exist, so timing does not tell who has an account.
  const ok = await verifyPassword(password, row?.password_hash ?? dummyHash);
  if (!row || !ok) throw new HttpError(ErrorCode.invalidCredentials, 'Wrong e-mail or password.');
  return row.id;
}

const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
