import type { Queries } from '../store/db.ts';
import type { SmsStatusChange } from './gateway.ts';
import { takeEarlyReceipts } from './early-receipts.ts';
import { accept, confirmInDoubt, fateOf, markInDoubt, moveTo, partAccepted, requeue, type AcceptedSubmit } from './lifecycle.ts';
import { messageById, type MessageRow } from './messages.ts';
import { recordPartReceipt, settleDelivery } from './parts.ts';
import type { Receipt, ReceiptStatus, SubmitOutcome } from './providers/provider.ts';

/** Receipts that came before these provider ids were recorded (early-receipts.ts), applied now. */
export async function applyEarlyReceipts(tx: Queries, providerIds: readonly string[], now: Date): Promise<SmsStatusChange[]> {
  const changes: SmsStatusChange[] = [];
  for (const receipt of await takeEarlyReceipts(tx, providerIds)) {
    const { change } = await recordReceipt(tx, receipt, now);
    if (change) changes.push(change);
  }
  return changes;
}

/** One part of a long message accepted (committed before the next goes), with any receipt that overtook it. */
export async function acceptPart(
  tx: Queries,
  messageId: string,
  part: number,
  providerId: string,
  detail: string,
  now: Date,
): Promise<SmsStatusChange[]> {
  await partAccepted(tx, messageId, part, providerId, detail, now.toISOString());
  return applyEarlyReceipts(tx, [providerId], now);
}

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
  result: Exclude<SubmitOutcome, { outcome: 'accepted' }>,
  options: OutcomeOptions,
  now: Date,
): Promise<SmsStatusChange | null> {
  const row = await messageById(tx, messageId);
  if (!row) return null;
  const at = now.toISOString();
  switch (result.outcome) {
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
      await markInDoubt(tx, row.id, `unconfirmed: ${result.detail}; waiting for a receipt before sending again`, at);
      return null;
  }
}

/** Applies a delivery receipt or status callback. Unknown messages are logged by the caller. */
export async function recordReceipt(
  tx: Queries,
  receipt: Receipt,
  now: Date,
): Promise<{ found: boolean; change: SmsStatusChange | null }> {
  const found = await findReceiptMessage(tx, receipt);
  if (!found) return { found: false, change: null };
  const { row, viaPart } = found;
  // A long message sent part by part (SMPP, Outbox) has a receipt per part; Twilio
  // answers for the whole message and names it.
  if (row.segments > 1 && !receipt.messageId) {
    return { found: true, change: await recordPartReceipt(tx, row, receipt, viaPart, now) };
  }
  const at = now.toISOString();
  if (receipt.providerId) {
    if (!viaPart) await tx.run('INSERT INTO sms_parts (provider_id, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [receipt.providerId, row.id]);
    if (receipt.status !== 'sent') {
      await tx.run('UPDATE sms_parts SET receipt = ? WHERE provider_id = ?', [receipt.status, receipt.providerId]);
    }
  }
  if (row.unconfirmed_since) await confirmInDoubt(tx, row, 'confirmed by a receipt: the provider had it', at);
  if (receipt.status === 'sent') return { found: true, change: await moveTo(tx, row, 'sent', receipt.detail, at) };
  // A receipt can overtake the provider's answer to our submit: it proves acceptance.
  if (row.status === 'sending') await moveTo(tx, row, 'sent', 'accepted by the provider (its receipt came first)', at);
  let received: ReceiptStatus[] = [receipt.status];
  // Once the provider's ids are recorded we know how many receipts to expect (Twilio
  // sends one per message, an SMSC one per part); before that, one per segment.
  let expected = row.provider_id && row.segments === 1 ? 1 : row.segments;
  if (row.segments > 1 || !receipt.providerId) {
    const parts = await tx.all<{ receipt: ReceiptStatus | null }>('SELECT receipt FROM sms_parts WHERE message_id = ?', [row.id]);
    received = parts.filter((p) => p.receipt !== null).map((p) => p.receipt!);
    if (!receipt.providerId) received.push(receipt.status);
    expected = row.provider_id ? Math.max(1, parts.length) : row.segments;
  }
  if (received.length < expected) {
    return { found: true, change: await moveTo(tx, row, 'sent', `receipt for ${received.length} of ${expected} parts`, at) };
  }
  return { found: true, change: await moveTo(tx, row, fateOf(received), receipt.detail, at) };
}

async function findReceiptMessage(tx: Queries, receipt: Receipt): Promise<{ row: MessageRow; viaPart: boolean } | undefined> {
  if (receipt.messageId) {
    const row = await messageById(tx, receipt.messageId);
    if (row) return { row, viaPart: false };
  }
  if (receipt.providerId) {
    const row = await tx.get<MessageRow>(
      'SELECT m.* FROM sms_parts p JOIN sms_messages m ON m.id = p.message_id WHERE p.provider_id = ?',
      [receipt.providerId],
    );
    if (row) return { row, viaPart: true };
  }
  if (receipt.ref !== undefined && receipt.to) {
    // A message queued again after the grace period counts too: the receipt proves the provider had it.
    const row = await tx.get<MessageRow>(
      `SELECT * FROM sms_messages WHERE to_phone = ? AND (seq & 65535) = ?
          AND (status IN ('sending', 'sent') OR (status = 'queued' AND attempts > 0))
        ORDER BY seq DESC LIMIT 1`,
      [receipt.to, receipt.ref],
    );
    if (row) return { row, viaPart: false };
  }
  return undefined;
}

/** Records many accepted submits at once (lifecycle.ts `accept`), then the receipts that came before them. */
export async function recordAccepted(
  tx: Queries,
  batch: AcceptedSubmit[],
  provider: string,
  now: Date,
): Promise<SmsStatusChange[]> {
  const at = now.toISOString();
  const { changes, providerIds } = await accept(tx, batch, provider, at);
  const moved = new Set(changes.map((c) => c.messageId));
  changes.push(...(await applyEarlyReceipts(tx, providerIds, now)));
  // The receipts of a long message's parts may have come before the last part's answer.
  for (const b of batch.filter((m) => moved.has(m.row.id) && m.row.segments > 1 && m.parts)) {
    const row = await messageById(tx, b.row.id);
    if (row?.status !== 'sent') continue;
    const change = await settleDelivery(tx, row, null, at);
    if (change) changes.push(change);
  }
  return changes;
}
