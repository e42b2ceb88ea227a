import { ErrorCode } from '#core/api/errors';
import type { ConsentEntry, ConsentRequest } from '#core/api/sms';
import type { z } from 'zod';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import type { Queries } from '../store/db.ts';

/**
 * Consent is recorded per number in an organisation: no SMS goes to a number without
 * an opt-in on record (when, how, by whom), and a STOP from that number wins at once.
 * Every change is kept in `sms_consent_events`, newest last.
 */
export interface ConsentChange {
  orgId: string;
  phone: string;
  userId: string | null;
  action: 'opt_in' | 'opt_out';
  /** How it was given: 'declared by admin', 'SMS STOP', 'SMS START', 'in the app'. */
  how: string;
  byUserId: string | null;
  at: string;
}

export async function recordConsent(tx: Queries, change: ConsentChange): Promise<void> {
  const state = change.action === 'opt_in' ? 'in' : 'out';
  await tx.run(
    `INSERT INTO sms_consents (org_id, phone, user_id, state, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (org_id, phone) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
       user_id = COALESCE(excluded.user_id, sms_consents.user_id)`,
    [change.orgId, change.phone, change.userId, state, change.at],
  );
  await tx.run(
    `INSERT INTO sms_consent_events (org_id, phone, user_id, action, how, by_user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [change.orgId, change.phone, change.userId, change.action, change.how, change.byUserId, change.at],
  );
}

export async function consentState(db: Queries, orgId: string, phone: string): Promise<'in' | 'out' | 'none'> {
  const row = await db.get<{ state: 'in' | 'out' }>('SELECT state FROM sms_consents WHERE org_id = ? AND phone = ?', [
    orgId,
    phone,
  ]);
  return row?.state ?? 'none';
}

export async function timeZoneOf(db: Queries, orgId: string, phone: string): Promise<string | null> {
  const row = await db.get<{ time_zone: string | null }>(
    'SELECT time_zone FROM sms_consents WHERE org_id = ? AND phone = ?',
    [orgId, phone],
  );
  return row?.time_zone ?? null;
}

interface ConsentRow {
  user_id: string;
  name: string;
  phone: string | null;
  state: 'in' | 'out' | null;
  time_zone: string | null;
}

/** Everyone of the organisation with their SMS consent and its latest change. */
export async function listConsents(db: Queries, orgId: string): Promise<ConsentEntry[]> {
  const rows = await db.all<ConsentRow>(
    `SELECT u.id AS user_id, u.name, u.phone, c.state, c.time_zone FROM users u
       LEFT JOIN sms_consents c ON c.org_id = u.org_id AND c.phone = u.phone
      WHERE u.org_id = ? AND u.disabled_at IS NULL ORDER BY lower(u.name)`,
    [orgId],
  );
  const out: ConsentEntry[] = [];
  for (const row of rows) out.push({ ...(await consentOf(db, orgId, row)) });
  return out;
}

async function consentOf(db: Queries, orgId: string, row: ConsentRow): Promise<ConsentEntry> {
  const history = row.phone
    ? await db.all<{ action: 'opt_in' | 'opt_out'; how: string; by_user_id: string | null; by_name: string | null; at: string }>(
        `SELECT e.action, e.how, e.by_user_id, u.name AS by_name, e.at FROM sms_consent_events e
           LEFT JOIN users u ON u.id = e.by_user_id WHERE e.org_id = ? AND e.phone = ? ORDER BY e.id`,
        [orgId, row.phone],
      )
    : [];
  return {
    userId: row.user_id,
    name: row.name,
    phone: row.phone,
    state: row.phone ? (row.state ?? 'none') : 'no_phone',
    timeZone: row.time_zone,
    history: history.map((h) => ({ action: h.action, how: h.how, byUserId: h.by_user_id, byName: h.by_name, at: h.at })),
  };
}

export async function consentForUser(db: Queries, orgId: string, userId: string): Promise<ConsentEntry | null> {
  const row = await db.get<ConsentRow>(
    `SELECT u.id AS user_id, u.name, u.phone, c.state, c.time_zone FROM users u
       LEFT JOIN sms_consents c ON c.org_id = u.org_id AND c.phone = u.phone WHERE u.org_id = ? AND u.id = ?`,
    [orgId, userId],
  );
  return row ? consentOf(db, orgId, row) : null;
}

/**
 * A person's opt-in or opt-out, given in the app by themselves or declared by an
 * administrator, with their time zone for quiet hours; answers with their consent now.
 */
export async function changeConsent(ctx: Context, caller: Caller, userId: string, input: z.infer<typeof ConsentRequest>): Promise<ConsentEntry | null> {
  const entry = await consentForUser(ctx.db, caller.orgId, userId);
  if (!entry) throw notFound('person');
  const phone = entry.phone;
  if (!phone) throw new Refusal(ErrorCode.conflict, 'This person has no phone number: add one first.');
  const how = input.how ?? (caller.id === userId ? 'in the app, by the person' : 'declared by admin');
  await ctx.db.transaction(async (tx) => {
    await recordConsent(tx, {
      orgId: caller.orgId,
      phone,
      userId,
      action: input.optIn ? 'opt_in' : 'opt_out',
      how,
      byUserId: caller.id,
      at: ctx.now().toISOString(),
    });
    if (input.timeZone !== undefined) {
      await tx.run('UPDATE sms_consents SET time_zone = ? WHERE org_id = ? AND phone = ?', [input.timeZone, caller.orgId, phone]);
    }
  });
  return consentForUser(ctx.db, caller.orgId, userId);
}
