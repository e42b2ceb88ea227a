import type { Queries } from '../store/db.ts';
import type { SmsStatusChange } from './gateway.ts';
import { addHistory, changeOf, messageById, moveTo, type MessageRow } from './messages.ts';
import type { Receipt, SubmitOutcome } from './providers/provider.ts';

/** Retry delays: base × 2^(attempt-1), at most an hour, with ±20 % jitter. */
export function retryDelay(baseMs: number, attempt: number, random = Math.random): number {
  const raw = Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export interface OutcomeOptions {
  provider: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** How long a throttled message waits before it is handed out again. */
  throttleDelayMs: number;
}

/** Records what the provider said about one submit. Returns the change to announce. */
export async function recordOutcome(
  tx: Queries,
  messageId: string,
  result: SubmitOutcome,
  options: OutcomeOptions,
  now: Date,
): Promise<SmsStatusChange | null> {
  const row = await messageById(tx, messageId);
  if (!row) return null;
  const at = now.toISOString();
  switch (result.outcome) {
    case 'accepted': {
      for (const id of result.providerIds) {
        await tx.run('INSERT OR IGNORE INTO sms_parts (provider_id, message_id) VALUES (?, ?)', [id, row.id]);
      }
      await tx.run('UPDATE sms_messages SET provider = ?, provider_id = COALESCE(provider_id, ?) WHERE id = ?', [
        options.provider,
        result.providerIds[0] ?? null,
        row.id,
      ]);
      const parts = result.providerIds.length > 1 ? ` (${result.providerIds.length} parts)` : '';
      return moveTo(tx, row, 'sent', `accepted by ${options.provider} as ${result.providerIds.join(', ')}${parts}`, at);
    }
    case 'throttled':
      return requeue(tx, row, now, options.throttleDelayMs, `throttled by ${options.provider}: ${result.detail}`, false);
    case 'transient':
      if (row.attempts >= options.maxAttempts) {
        return moveTo(tx, row, 'failed', `gave up after ${row.attempts} attempts: ${result.detail}`, at);
      }
      return requeue(tx, row, now, retryDelay(options.retryBaseMs, row.attempts), result.detail, true);
    case 'permanent':
      return moveTo(tx, row, 'failed', result.detail, at);
    case 'unconfirmed':
      if (row.status !== 'sending') return null;
      await tx.run('UPDATE sms_messages SET unconfirmed_since = ?, updated_at = ? WHERE id = ?', [at, at, row.id]);
      await addHistory(tx, row.id, 'sending', `unconfirmed: ${result.detail}; waiting for a receipt before sending again`, at);
      return null;
  }
}

/** Back to the queue: only a message still being sent, never one a receipt moved on. */
export async function requeue(
  tx: Queries,
  row: MessageRow,
  now: Date,
  delayMs: number,
  detail: string,
  countAttempt: boolean,
): Promise<SmsStatusChange | null> {
  if (row.status !== 'sending') return null;
  const at = now.toISOString();
  const next = new Date(now.getTime() + delayMs).toISOString();
  await tx.run(
    `UPDATE sms_messages SET status = 'queued', detail = ?, next_attempt_at = ?, unconfirmed_since = NULL,
       attempts = attempts - ?, updated_at = ? WHERE id = ? AND status = 'sending'`,
    [detail, next, countAttempt ? 0 : 1, at, row.id],
  );
  await addHistory(tx, row.id, 'queued', `${detail}; next try at ${next}`, at);
  row.status = 'queued';
  return changeOf(row, 'queued', detail, at);
}

const receiptRank = { sent: 0, delivered: 1, expired: 2, undelivered: 3, failed: 4 } as const;

/** Applies a delivery receipt or status callback. Unknown messages are logged by the caller. */
export async function recordReceipt(
  tx: Queries,
  receipt: Receipt,
  now: Date,
): Promise<{ found: boolean; change: SmsStatusChange | null }> {
  const row = await findReceiptMessage(tx, receipt);
  if (!row) return { found: false, change: null };
  const at = now.toISOString();
  if (receipt.providerId) {
    await tx.run('INSERT OR IGNORE INTO sms_parts (provider_id, message_id) VALUES (?, ?)', [receipt.providerId, row.id]);
    if (receipt.status !== 'sent') {
      await tx.run('UPDATE sms_parts SET receipt = ? WHERE provider_id = ?', [receipt.status, receipt.providerId]);
    }
  }
  if (row.unconfirmed_since) {
    await tx.run('UPDATE sms_messages SET unconfirmed_since = NULL WHERE id = ?', [row.id]);
    await addHistory(tx, row.id, row.status, 'confirmed by a receipt: the provider had it', at);
  }
  if (receipt.status === 'sent') return { found: true, change: await moveTo(tx, row, 'sent', receipt.detail, at) };
  // A receipt can overtake the provider's answer to our submit: it proves acceptance.
  if (row.status === 'sending') await moveTo(tx, row, 'sent', 'accepted by the provider (its receipt came first)', at);
  const parts = await tx.all<{ receipt: keyof typeof receiptRank | null }>(
    'SELECT receipt FROM sms_parts WHERE message_id = ?',
    [row.id],
  );
  const received = parts.filter((p) => p.receipt !== null).map((p) => p.receipt!);
  if (!receipt.providerId) received.push(receipt.status);
  // Once the provider's ids are recorded we know how many receipts to expect (Twilio
  // sends one per message, an SMSC one per part); before that, one per segment.
  const expected = row.provider_id ? Math.max(1, parts.length) : row.segments;
  if (received.length < expected) {
    return { found: true, change: await moveTo(tx, row, 'sent', `receipt for ${received.length} of ${expected} parts`, at) };
  }
  const worst = received.reduce((a, b) => (receiptRank[b] > receiptRank[a] ? b : a), 'delivered');
  const final = worst === 'sent' ? 'delivered' : worst;
  return { found: true, change: await moveTo(tx, row, final, receipt.detail, at) };
}

async function findReceiptMessage(tx: Queries, receipt: Receipt): Promise<MessageRow | undefined> {
  if (receipt.messageId) {
    const row = await messageById(tx, receipt.messageId);
    if (row) return row;
  }
  if (receipt.providerId) {
    const part = await tx.get<{ message_id: string }>('SELECT message_id FROM sms_parts WHERE provider_id = ?', [
      receipt.providerId,
    ]);
    if (part) return messageById(tx, part.message_id);
  }
  if (receipt.ref !== undefined && receipt.to) {
    return tx.get<MessageRow>(
      `SELECT * FROM sms_messages WHERE to_phone = ? AND (seq & 65535) = ? AND status IN ('sending', 'sent')
        ORDER BY seq DESC LIMIT 1`,
      [receipt.to, receipt.ref],
    );
  }
  return undefined;
}
