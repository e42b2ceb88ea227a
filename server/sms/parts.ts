import type { Queries } from '../store/db.ts';
import type { SmsStatusChange } from './gateway.ts';
import { confirmInDoubt, fateOf, moveTo, recordAcceptedPart, requeue } from './lifecycle.ts';
import type { MessageRow } from './messages.ts';
import type { Receipt, ReceiptStatus } from './providers/provider.ts';

/**
 * The parts of a long message, each submitted on its own (an SMSC takes one submit_sm
 * per part). `sms_parts` holds every part the provider accepted, with its number and
 * its receipt. The rules:
 *
 * - Parts go one at a time, in order, and each accepted part is committed before the
 *   next is written. So the accepted parts are 1..k, and while the message is
 *   `sending`, part k+1 is the only one that may be "in doubt"; the others are to send.
 * - The message is `sent` only once every part is accepted; a retry (after a dropped
 *   link, a refusal or a crash) sends only the parts not accepted, with the same
 *   reference and numbers, so the phone puts them together.
 * - A receipt for a part we never heard accepted (matched by the number and reference
 *   the SMSC echoes) proves the part in doubt was taken: it is recorded as accepted,
 *   and the message goes back to the queue for the rest.
 * - The message is `delivered` only once every part's receipt says so; a part
 *   undelivered, expired or failed makes the message so.
 */

/** The first part not accepted yet: the one a lost answer or a crash left in doubt. */
async function partInDoubt(tx: Queries, row: MessageRow): Promise<number> {
  const accepted = await tx.all<{ part: number }>('SELECT part FROM sms_parts WHERE message_id = ? AND part IS NOT NULL', [row.id]);
  const done = new Set(accepted.map((p) => p.part));
  let part = 1;
  while (done.has(part)) part++;
  return part;
}

async function acceptedCount(tx: Queries, messageId: string): Promise<number> {
  const row = await tx.get<{ n: number }>('SELECT COUNT(DISTINCT part) AS n FROM sms_parts WHERE message_id = ? AND part IS NOT NULL', [
    messageId,
  ]);
  return row?.n ?? 0;
}

/** A receipt for one part of a long message (SMPP, Outbox). */
export async function recordPartReceipt(
  tx: Queries,
  row: MessageRow,
  receipt: Receipt,
  knownPart: boolean,
  now: Date,
): Promise<SmsStatusChange | null> {
  const at = now.toISOString();
  const providerId = receipt.providerId ?? `${row.id}:ref`;
  let settled: number | null = null;
  if (!knownPart) {
    // Not a part we recorded: while the message is being sent, the part in doubt.
    settled = row.status === 'sending' ? await partInDoubt(tx, row) : null;
    if (settled !== null && settled > row.segments) settled = null;
    await recordAcceptedPart(tx, row.id, settled, providerId);
  }
  if (receipt.status !== 'sent') await tx.run('UPDATE sms_parts SET receipt = ? WHERE provider_id = ?', [receipt.status, providerId]);
  if (row.status !== 'sending') return settleDelivery(tx, row, receipt.detail, at);
  // Being sent now, or a receipt for a part already known accepted (which says nothing
  // of the part in doubt): the submit's answers, or the grace period, decide.
  if (!row.unconfirmed_since || settled === null) return null;
  await confirmInDoubt(tx, row, `confirmed by a receipt: the provider had part ${settled} of ${row.segments}`, at);
  const accepted = await acceptedCount(tx, row.id);
  if (accepted < row.segments) {
    return requeue(tx, row, now, 0, `${accepted} of ${row.segments} parts accepted; the others are sent now`, false);
  }
  await moveTo(tx, row, 'sent', `all ${row.segments} parts accepted`, at);
  return settleDelivery(tx, row, receipt.detail, at);
}

/**
 * A message whose parts are all accepted: `delivered` (or the worst part's fate) once
 * every part has its final receipt; `sent` until then.
 */
export async function settleDelivery(tx: Queries, row: MessageRow, detail: string | null, at: string): Promise<SmsStatusChange | null> {
  const parts = await tx.all<{ receipt: ReceiptStatus | null }>(
    'SELECT receipt FROM sms_parts WHERE message_id = ? AND part IS NOT NULL',
    [row.id],
  );
  const received = parts.filter((p) => p.receipt !== null).map((p) => p.receipt!);
  if (received.length < row.segments) {
    return moveTo(tx, row, 'sent', `receipt for ${received.length} of ${row.segments} parts`, at);
  }
  return moveTo(tx, row, fateOf(received), detail, at);
}
