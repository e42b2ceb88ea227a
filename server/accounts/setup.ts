import { ErrorCode } from '#core/api/errors';
import type { SetupRequest } from '#core/api/auth';
import { hashPassword } from '../auth/passwords.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';
import { openSession } from './sessions.ts';

export async function isSetUp(ctx: Context): Promise<boolean> {
  return (await ctx.db.get('SELECT 1 AS one FROM users LIMIT 1')) !== undefined;
}

/** Creates the organisation and its first administrator; only while no one exists. */
export async function setUp(ctx: Context, input: SetupRequest, device: string | null = null) {
  // Refused before hashing: once set up, a flood of setups costs the relay nothing.
  if (await isSetUp(ctx)) throw alreadySetUp();
  const passwordHash = await hashPassword(ctx.hashing, input.password);
  const now = ctx.now().toISOString();
  const orgId = newId();
  const userId = newId();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM users LIMIT 1')) {
      throw alreadySetUp();
    }
    await tx.run('INSERT INTO organizations (id, name, region, locale, created_at, plan) VALUES (?, ?, ?, ?, ?, ?)', [
      orgId,
      input.organization,
      input.region ?? 'FR',
      input.locale ?? 'fr',
      now,
      ctx.config.organizations.defaultPlan,
    ]);
    await tx.run(
      `INSERT INTO users (id, org_id, name, email, phone, password_hash, role, created_at)
       VALUES (?, ?, ?, ?, NULL, ?, 'admin', ?)`,
      [userId, orgId, input.name, input.email, passwordHash, now],
    );
  });
  return { userId, ...(await openSession(ctx, userId, device)) };
}

const alreadySetUp = () => new Refusal(ErrorCode.alreadySetUp, 'Conclave is already set up: sign in instead.');
