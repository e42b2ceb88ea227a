import type { Queries } from '../store/db.ts';
import type { Receipt, ReceiptStatus } from './providers/provider.ts';

/**
 * Receipts that come before the acceptance they report on is recorded. A fast SMSC sends
 * the receipt (or the intermediate notification Conclave asks for) right behind its
 * submit_sm_resp, or even before it from another bind; the relay reads it while the
 * provider's id is not yet committed. Such a receipt is kept here, durably (the SMSC is
 * answered only once it is), and applied when the acceptance naming its id commits.
 * Only one still unmatched after the grace period is given up, as unknown.
 */

/** At most this many receipts wait at once: a runaway SMSC cannot fill the disk. */
export const maxEarlyReceipts = 50_000;

interface EarlyRow {
  id: number;
  provider_id: string | null;
  to_phone: string | null;
  ref: number | null;
  status: ReceiptStatus;
  detail: string | null;
  received_at: string;
}

/** Keeps a receipt no message claims yet. False when it cannot wait (no id to match by, or too many waiting). */
export async function holdEarlyReceipt(tx: Queries, receipt: Receipt, now: Date): Promise<boolean> {
  if (!receipt.providerId) return false;
  const waiting = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM sms_early_receipts');
  if ((waiting?.n ?? 0) >= maxEarlyReceipts) return false;
  await tx.run('INSERT INTO sms_early_receipts (provider_id, to_phone, ref, status, detail, received_at) VALUES (?, ?, ?, ?, ?, ?)', [
    receipt.providerId,
    receipt.to ?? null,
    receipt.ref ?? null,
    receipt.status,
    receipt.detail,
    now.toISOString(),
  ]);
  return true;
}

/** Takes (and removes) the receipts waiting for these provider ids, in the order they came. */
export async function takeEarlyReceipts(tx: Queries, providerIds: readonly string[]): Promise<Receipt[]> {
  const rows: EarlyRow[] = [];
  for (let i = 0; i < providerIds.length; i += 500) {
    const chunk = providerIds.slice(i, i + 500);
    rows.push(
      ...(await tx.all<EarlyRow>(
        `DELETE FROM sms_early_receipts WHERE provider_id IN (${chunk.map(() => '?').join(', ')}) RETURNING *`,
        chunk,
      )),
    );
  }
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      providerId: r.provider_id,
      ...(r.ref !== null ? { ref: r.ref } : {}),
      ...(r.to_phone !== null ? { to: r.to_phone } : {}),
      status: r.status,
      detail: r.detail,
    }));
}

/** Gives up the receipts that waited since before `edge`: what the logs may say of them (no number). */
export async function dropStaleEarlyReceipts(tx: Queries, edge: Date): Promise<{ providerId: string | null; status: ReceiptStatus }[]> {
  const rows = await tx.all<EarlyRow>('DELETE FROM sms_early_receipts WHERE received_at <= ? RETURNING *', [edge.toISOString()]);
  return rows.map((r) => ({ providerId: r.provider_id, status: r.status }));
}
