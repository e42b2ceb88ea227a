import type { Queries } from '../store/db.ts';
import type { SmsStatusChange } from './gateway.ts';
import { holdEarlyReceipt } from './early-receipts.ts';
import { settleSent } from './lifecycle.ts';
import type { MessageRow } from './messages.ts';
import { recordReceipt } from './outcomes.ts';
import type { Receipt } from './providers/provider.ts';

/**
 * Receipts recorded in bulk. The common case — a final receipt for a one-part message
 * whose submit answer is already recorded — takes a few statements for the whole
 * batch; anything else (multi-part, overtaking receipts, unconfirmed messages, receipts
 * matched by reference) goes through `recordReceipt` one by one.
 */
export async function recordReceipts(
  tx: Queries,
  receipts: Receipt[],
  now: Date,
): Promise<{ found: boolean; change: SmsStatusChange | null }[]> {
  const at = now.toISOString();
  const ids = [...new Set(receipts.map((r) => r.providerId).filter((id): id is string => id !== null))];
  const rows = new Map<string, MessageRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await tx.all<MessageRow & { part_id: string }>(
      `SELECT m.*, p.provider_id AS part_id FROM sms_parts p JOIN sms_messages m ON m.id = p.message_id
        WHERE p.provider_id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of found) rows.set(row.part_id, row);
  }
  const results: { found: boolean; change: SmsStatusChange | null }[] = [];
  const bulk: { receipt: Receipt; row: MessageRow; providerId: string }[] = [];
  const seen = new Set<string>();
  for (const receipt of receipts) {
    const providerId = receipt.providerId;
    const row = providerId ? rows.get(providerId) : undefined;
    const simple =
      providerId &&
      row &&
      !seen.has(row.id) &&
      row.segments === 1 &&
      row.provider_id !== null &&
      row.unconfirmed_since === null &&
      row.status === 'sent' &&
      receipt.status !== 'sent';
    if (simple) {
      seen.add(row.id);
      bulk.push({ receipt, row, providerId });
      results.push({ found: true, change: null });
    } else {
      const result = await recordReceipt(tx, receipt, now);
      // No message claims it yet: it may have overtaken its acceptance, so it waits for it.
      results.push(result.found || !(await holdEarlyReceipt(tx, receipt, now)) ? result : { found: true, change: null });
    }
  }
  if (bulk.length === 0) return results;
  const changes = await settleSent(
    tx,
    bulk.map(({ receipt, row, providerId }) => ({ row, providerId, status: receipt.status, detail: receipt.detail })),
    at,
  );
  return results.map((r, i) => {
    const row = receipts[i]?.providerId ? rows.get(receipts[i]!.providerId!) : undefined;
    const change = row && bulk.some((b) => b.receipt === receipts[i]) ? (changes.get(row.id) ?? null) : null;
    return change ? { found: true, change } : r;
  });
}
