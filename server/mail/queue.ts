import { newId } from '../auth/tokens.ts';
import type { Queries } from '../store/db.ts';
import type { Dialect } from '../store/dialect.ts';
import type { MailRequest, MailStatus, QueuedMail } from './gateway.ts';
import type { SendOutcome } from './transport.ts';

export interface MailRow {
  seq: number;
  id: string;
  org_id: string;
  user_id: string | null;
  to_address: string;
  kind: string;
  idempotency_key: string;
  subject: string;
  text: string;
  html: string;
  reply_to: string | null;
  unsubscribe_url: string | null;
  sensitive: number;
  status: MailStatus;
  channel: 'smtp' | 'outbox' | null;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  smtp_response: string | null;
  requested_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** Messages one organisation may have waiting at once: a flood is refused, not stored. */
export const maxQueuedPerOrganisation = 20_000;

/** What is kept of a sensitive body once the SMTP server has it. */
export const droppedBody = '[sent: this message held a one-time link, which the relay does not keep]';

export async function addHistory(tx: Queries, messageId: string, status: MailStatus, detail: string | null, at: string) {
  await tx.run('INSERT INTO mail_history (message_id, status, detail, at) VALUES (?, ?, ?, ?)', [messageId, status, detail, at]);
}

/**
 * Marks up to `limit` due messages as sending under the node `owner`'s name, in one
 * statement: on SQLite under the file's write lock, on PostgreSQL skipping the rows another
 * node is claiming, `status = 'queued'` checked again on the row itself; the due rows
 * picked once, before any is changed (why: sms/lifecycle.ts `claim`).
 */
export async function claimMail(tx: Queries, limit: number, at: string, owner: string, channel: 'smtp' | 'outbox', dialect: Dialect): Promise<MailRow[]> {
  const lock = dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  const rows = await tx.all<MailRow>(
    `WITH due AS MATERIALIZED (SELECT seq FROM mail_messages WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY seq LIMIT ? ${lock})
     UPDATE mail_messages SET status = 'sending', channel = ?, attempts = attempts + 1, updated_at = ?, claimed_by = ?
      WHERE status = 'queued' AND seq IN (SELECT seq FROM due)
      RETURNING *`,
    [at, limit, channel, at, owner],
  );
  for (const row of rows) await addHistory(tx, row.id, 'sending', `attempt ${row.attempts} (${channel})`, at);
  return rows;
}

/** Messages the organisation has waiting (to hold it under `maxQueuedPerOrganisation`). */
export async function queuedCount(tx: Queries, orgId: string): Promise<number> {
  return (await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM mail_messages WHERE org_id = ? AND status = 'queued'", [orgId]))?.n ?? 0;
}

/**
 * Stores a message to send (or returns the one already stored under its key). `room`:
 * how many more the organisation may queue, when the caller counted once for a batch;
 * otherwise counted here.
 */
export async function insertMail(tx: Queries, request: MailRequest, at: string, room?: number): Promise<QueuedMail | 'full'> {
  const existing = await tx.get<{ id: string; status: MailStatus }>(
    'SELECT id, status FROM mail_messages WHERE org_id = ? AND idempotency_key = ?',
    [request.orgId, request.idempotencyKey],
  );
  if (existing) return { ...existing, duplicate: true };
  if ((room ?? maxQueuedPerOrganisation - (await queuedCount(tx, request.orgId))) <= 0) return 'full';
  const id = newId();
  await tx.run(
    `INSERT INTO mail_messages (id, org_id, user_id, to_address, kind, idempotency_key, subject, text, html, reply_to,
       unsubscribe_url, sensitive, status, next_attempt_at, requested_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
    [
      id,
      request.orgId,
      request.userId ?? null,
      request.to,
      request.kind,
      request.idempotencyKey,
      request.content.subject,
      request.content.text,
      request.content.html,
      request.replyTo ?? null,
      request.unsubscribeUrl ?? null,
      request.sensitive ? 1 : 0,
      at,
      request.requestedBy ?? null,
      at,
      at,
    ],
  );
  await addHistory(tx, id, 'queued', null, at);
  return { id, status: 'queued', duplicate: false };
}

/** The wait before attempt `attempts + 1`: doubling from `baseMs`, at most six hours, with ±50 % jitter. */
export function retryDelay(attempts: number, baseMs: number, random: number = Math.random()): number {
  const plain = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
  return Math.round(plain * (0.5 + random));
}

/**
 * Records what the transport said about a message that is `sending`. Only a message
 * still `sending` moves: the transition is checked in the UPDATE itself.
 */
export async function recordOutcome(
  tx: Queries,
  row: MailRow,
  result: SendOutcome,
  options: { maxAttempts: number; retryBaseMs: number; now: Date },
): Promise<MailStatus> {
  const at = options.now.toISOString();
  if (result.outcome === 'sent') {
    const drop = row.sensitive === 1 && row.channel === 'smtp';
    await tx.run(
      `UPDATE mail_messages SET status = 'sent', smtp_response = ?, sent_at = ?, updated_at = ?, last_error = NULL
         ${drop ? ', text = ?, html = ?' : ''} WHERE id = ? AND status = 'sending'`,
      [result.response, at, at, ...(drop ? [droppedBody, droppedBody] : []), row.id],
    );
    await addHistory(tx, row.id, 'sent', row.channel === 'outbox' ? 'kept in the in-app outbox' : 'accepted by the SMTP server', at);
    return 'sent';
  }
  if (result.outcome === 'transient' && row.attempts < options.maxAttempts) {
    const next = new Date(options.now.getTime() + retryDelay(row.attempts, options.retryBaseMs)).toISOString();
    await tx.run(`UPDATE mail_messages SET status = 'queued', next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = 'sending'`, [
      next,
      result.detail,
      at,
      row.id,
    ]);
    await addHistory(tx, row.id, 'queued', `attempt ${row.attempts} failed for now; next attempt at ${next}`, at);
    return 'queued';
  }
  const status: MailStatus = result.outcome === 'rejected' && result.bounced ? 'bounced' : 'failed';
  const why = result.outcome === 'transient' ? `gave up after ${row.attempts} attempts` : 'refused by the SMTP server';
  await tx.run(`UPDATE mail_messages SET status = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = 'sending'`, [
    status,
    result.detail,
    at,
    row.id,
  ]);
  await addHistory(tx, row.id, status, why, at);
  return status;
}
