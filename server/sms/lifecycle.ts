import type { Queries } from '../store/db.ts';
import type { Dialect } from '../store/dialect.ts';
import type { SmsStatusChange } from './gateway.ts';
import { addHistory, type MessageRow } from './messages.ts';
import type { ReceiptStatus } from './providers/provider.ts';
import { advance, type SmsStatus } from './status.ts';

/**
 * The life of an outgoing SMS, in one place: every statement that changes
 * `sms_messages.status` is here, and each takes its new status from `advance()`
 * (status.ts), forward only but for the one way back to the queue (`requeue`). The steps:
 *
 *   claim     queued → sending       committed before the provider is called
 *   part      a long message's part accepted, committed before the next part goes
 *   accept    sending → sent         the provider took every part
 *   doubt     sending, in doubt      the answer was lost: wait for a receipt (no status change)
 *   requeue   sending → queued       throttled, a transient failure, or no receipt within the grace period
 *   receipt   sent → its fate        delivered, or the worst part's undelivered | expired | failed
 *   expire    queued → expired       not sent within its validity period
 *   fail      → failed               refused for good, or out of attempts
 *
 * What each provider answer or receipt means is decided by outcomes.ts, parts.ts and
 * receipts.ts; they change a status only through the functions below.
 */

export function changeOf(row: MessageRow, status: SmsStatus, detail: string | null, at: string): SmsStatusChange {
  return { messageId: row.id, orgId: row.org_id, userId: row.user_id, kind: row.kind, idempotencyKey: row.idempotency_key, status, detail, at };
}

/** Which receipt is worse: the worst fate among a message's receipts is the message's. */
const receiptRank: Record<ReceiptStatus, number> = { sent: 0, delivered: 1, expired: 2, undelivered: 3, failed: 4 };

/** A message's fate from its parts' final receipts: the worst wins; `sent` alone counts as delivered. */
export function fateOf(receipts: readonly ReceiptStatus[]): SmsStatus {
  const worst = receipts.reduce<ReceiptStatus>((a, b) => (receiptRank[b] > receiptRank[a] ? b : a), 'delivered');
  return worst === 'sent' ? 'delivered' : worst;
}

/**
 * claim: up to `limit` due messages, queued → sending, in one statement, walking (status,
 * urgent, seq) in order, each marked with the node that claimed it (`owner`: its lease is
 * what the claim hangs on, takeback.ts). One statement is what keeps two nodes from
 * claiming one message: on SQLite it runs under the file's write lock; on PostgreSQL the
 * rows another node is claiming are skipped (`FOR UPDATE SKIP LOCKED`) and `status =
 * 'queued'` is checked again on the row itself. The due rows are picked once, in a
 * materialised CTE, before any is changed: PostgreSQL may run a `seq IN (SELECT … LIMIT n
 * FOR UPDATE SKIP LOCKED)` subquery again for each row it updates (a nested loop, chosen on
 * a table it has not analysed yet), each run skipping the rows the statement already
 * changed, and a claim of n took every due message (test/integration/store/bounded-claims.test.ts).
 */
export async function claim(
  tx: Queries,
  limit: number,
  at: string,
  orgs: { only: string[] } | { except: string[] } = { except: [] },
  owner: string | null = null,
  dialect: Dialect = 'sqlite',
): Promise<MessageRow[]> {
  const { status } = advance('queued', 'sending');
  // Only the organisations of one provider lane (provider-pool.ts): theirs, or all but those with their own.
  const list = 'only' in orgs ? orgs.only : orgs.except;
  const marks = list.map(() => '?').join(', ');
  const scope = 'only' in orgs ? `AND org_id IN (${marks})` : list.length > 0 ? `AND org_id NOT IN (${marks})` : '';
  const rows = await tx.all<MessageRow>(
    `WITH due AS MATERIALIZED (
       SELECT seq FROM sms_messages ${dialect === 'sqlite' ? 'INDEXED BY sms_messages_claim' : ''}
        WHERE status = 'queued' AND next_attempt_at <= ? ${scope}
        ORDER BY urgent DESC, seq LIMIT ? ${dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : ''})
     UPDATE sms_messages SET status = ?, attempts = attempts + 1, updated_at = ?, claimed_by = ?
      WHERE status = 'queued' AND seq IN (SELECT seq FROM due)
      RETURNING *`,
    [at, ...list, limit, status, at, owner],
  );
  if (rows.length > 0) {
    await tx.run(
      `INSERT INTO sms_history (message_id, status, detail, at) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((row) => [row.id, status, `attempt ${row.attempts}`, at]),
    );
  }
  return rows.sort((a, b) => a.seq - b.seq);
}

/**
 * Moves a message forward to `next` (fail, expire, a receipt): never back. Returns the
 * change to tell listeners about, or null when nothing moved.
 */
export async function moveTo(tx: Queries, row: MessageRow, next: SmsStatus, detail: string | null, at: string): Promise<SmsStatusChange | null> {
  const { status, moved } = advance(row.status, next);
  if (!moved) return null;
  // Only from the status it was read in: a node that read the row before another node moved it changes nothing.
  const { changes } = await tx.run(
    'UPDATE sms_messages SET status = ?, detail = ?, unconfirmed_since = NULL, updated_at = ? WHERE id = ? AND status = ?',
    [status, detail, at, row.id, row.status],
  );
  if (changes === 0) return null;
  await addHistory(tx, row.id, status, detail, at);
  row.status = status;
  return changeOf(row, status, detail, at);
}

/** expire: a message still queued past its validity period. */
export function expire(tx: Queries, row: MessageRow, at: string): Promise<SmsStatusChange | null> {
  return moveTo(tx, row, 'expired', 'not sent within its validity period', at);
}

/** requeue: back to the queue after `delayMs`; only a message still being sent, never one a receipt moved on. */
export async function requeue(
  tx: Queries,
  row: MessageRow,
  now: Date,
  delayMs: number,
  detail: string,
  countAttempt: boolean,
): Promise<SmsStatusChange | null> {
  const { status, moved } = advance(row.status, 'queued', 'retry');
  if (!moved) return null;
  const at = now.toISOString();
  const next = new Date(now.getTime() + delayMs).toISOString();
  const { changes } = await tx.run(
    `UPDATE sms_messages SET status = ?, detail = ?, next_attempt_at = ?, unconfirmed_since = NULL,
       attempts = attempts - ?, updated_at = ? WHERE id = ? AND status = ?`,
    [status, detail, next, countAttempt ? 0 : 1, at, row.id, row.status],
  );
  if (changes === 0) return null;
  await addHistory(tx, row.id, status, `${detail}; next try at ${next}`, at);
  row.status = status;
  return changeOf(row, status, detail, at);
}

/** doubt: handed to the provider but its answer lost (or the relay stopped): it waits for a receipt, and is not sent again. */
export async function markInDoubt(tx: Queries, messageId: string, detail: string, at: string): Promise<void> {
  await tx.run("UPDATE sms_messages SET unconfirmed_since = ?, updated_at = ? WHERE id = ? AND status = 'sending'", [at, at, messageId]);
  await addHistory(tx, messageId, 'sending', detail, at);
}

/** A receipt proved the provider had a message in doubt: it no longer waits for the grace period. */
export async function confirmInDoubt(tx: Queries, row: MessageRow, detail: string, at: string): Promise<void> {
  await tx.run('UPDATE sms_messages SET unconfirmed_since = NULL WHERE id = ?', [row.id]);
  row.unconfirmed_since = null;
  await addHistory(tx, row.id, row.status, detail, at);
}

/** part: one accepted part of a long message (again is harmless: its number is simply confirmed). */
export async function recordAcceptedPart(tx: Queries, messageId: string, part: number | null, providerId: string): Promise<void> {
  await tx.run(
    `INSERT INTO sms_parts (provider_id, message_id, part) VALUES (?, ?, ?)
       ON CONFLICT (provider_id) DO UPDATE SET part = COALESCE(excluded.part, sms_parts.part)`,
    [providerId, messageId, part],
  );
}

/** part: one part of a long message accepted, with its timeline entry; committed before the next part goes. */
export async function partAccepted(tx: Queries, messageId: string, part: number, providerId: string, detail: string, at: string): Promise<void> {
  await addHistory(tx, messageId, 'sending', detail, at);
  await recordAcceptedPart(tx, messageId, part, providerId);
}

/** A submit the provider took: its ids, one per part sent (`parts`, for a long message). */
export interface AcceptedSubmit {
  row: MessageRow;
  providerIds: string[];
  parts: number[] | undefined;
}

function partsNote(b: AcceptedSubmit): string {
  return b.parts && b.row.segments > 1 ? ` (part${b.parts.length > 1 ? 's' : ''} ${b.parts.join(', ')} of ${b.row.segments})` : '';
}

/**
 * accept: many submits the provider took, in a handful of statements for the whole batch
 * (the store's round trips are what limits the sender). Their parts and provider are
 * recorded whatever their status; those still being sent move to `sent`. Returns the
 * provider ids recorded, for the receipts that came first.
 */
export async function accept(tx: Queries, batch: AcceptedSubmit[], provider: string, at: string): Promise<{ changes: SmsStatusChange[]; providerIds: string[] }> {
  if (batch.length === 0) return { changes: [], providerIds: [] };
  const ids = batch.map((b) => b.row.id);
  const marks = ids.map(() => '?').join(', ');
  const parts = batch.flatMap((b) => b.providerIds.map((p, i) => [p, b.row.id, b.parts?.[i] ?? (b.row.segments === 1 ? 1 : null)] as const));
  for (let i = 0; i < parts.length; i += 300) {
    const chunk = parts.slice(i, i + 300);
    await tx.run(
      `INSERT INTO sms_parts (provider_id, message_id, part) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (provider_id) DO UPDATE SET part = COALESCE(excluded.part, sms_parts.part)`,
      chunk.flat(),
    );
  }
  await tx.run(
    `UPDATE sms_messages SET provider = ?, updated_at = ?,
       provider_id = COALESCE(provider_id, (SELECT provider_id FROM sms_parts p WHERE p.message_id = sms_messages.id ORDER BY p.rowid LIMIT 1))
     WHERE id IN (${marks})`,
    [provider, at, ...ids],
  );
  const current = new Map(
    (await tx.all<{ id: string; status: SmsStatus }>(`SELECT id, status FROM sms_messages WHERE id IN (${marks})`, ids)).map((c) => [c.id, c.status]),
  );
  // Only a message still being sent is accepted: one a receipt already moved on stays where it is.
  const moved = batch.filter((b) => current.get(b.row.id) === 'sending');
  const { status } = advance('sending', 'sent');
  const detail = `accepted by ${provider}`;
  if (moved.length > 0) {
    const movedMarks = moved.map(() => '?').join(', ');
    await tx.run(
      `UPDATE sms_messages SET status = ?, detail = ?, unconfirmed_since = NULL WHERE status = 'sending' AND id IN (${movedMarks})`,
      [status, detail, ...moved.map((b) => b.row.id)],
    );
    await tx.run(
      `INSERT INTO sms_history (message_id, status, detail, at) VALUES ${moved.map(() => '(?, ?, ?, ?)').join(', ')}`,
      moved.flatMap((b) => [b.row.id, status, `${detail} as ${b.providerIds.join(', ')}${partsNote(b)}`, at]),
    );
  }
  const changes = moved.map((b) => {
    b.row.status = status;
    return changeOf(b.row, status, detail, at);
  });
  return { changes, providerIds: parts.map((p) => p[0]) };
}

/**
 * receipt, in bulk: final receipts for one-part messages already `sent`, each message to
 * its fate, a few statements per (status, detail) group.
 */
export async function settleSent(
  tx: Queries,
  items: readonly { row: MessageRow; providerId: string; status: ReceiptStatus; detail: string | null }[],
  at: string,
): Promise<Map<string, SmsStatusChange>> {
  const groups = new Map<string, typeof items>();
  for (const item of items) {
    const key = `${item.status}\u0000${item.detail ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const changes = new Map<string, SmsStatusChange>();
  for (const group of groups.values()) {
    const { status: received, detail } = group[0]!;
    const marks = group.map(() => '?').join(', ');
    await tx.run(`UPDATE sms_parts SET receipt = ? WHERE provider_id IN (${marks})`, [received, ...group.map((i) => i.providerId)]);
    const { status } = advance('sent', fateOf([received]));
    await tx.run(`UPDATE sms_messages SET status = ?, detail = ?, updated_at = ? WHERE status = 'sent' AND id IN (${marks})`, [
      status,
      detail,
      at,
      ...group.map((i) => i.row.id),
    ]);
    await tx.run(
      `INSERT INTO sms_history (message_id, status, detail, at) VALUES ${group.map(() => '(?, ?, ?, ?)').join(', ')}`,
      group.flatMap((i) => [i.row.id, status, detail, at]),
    );
    for (const { row } of group) {
      if (!advance(row.status, status).moved) continue;
      row.status = status;
      changes.set(row.id, changeOf(row, status, detail, at));
    }
  }
  return changes;
}
