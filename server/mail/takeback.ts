import type { Queries } from '../store/db.ts';
import { liveNodeIds } from '../nodes/leases.ts';

const lapsed = `status = 'sending' AND (claimed_by IS NULL OR claimed_by NOT IN (${liveNodeIds}))`;

/**
 * E-mails claimed by a node whose lease lapsed (killed, stopped, stalled past its lease)
 * are taken back, in statements any node may run at any time. One kept in the in-app
 * outbox never left the relay: it is simply queued again. One handed to an SMTP server
 * may have gone — SMTP sends no receipt to settle it — so it becomes `unconfirmed`, shown
 * to administrators, who may send it again: never sent twice on the relay's own, never
 * silently dropped. A claim naming no node (made before nodes had leases) counts as lapsed.
 */
export async function takeBackLapsedMail(tx: Queries, nowMs: number, at: string): Promise<{ requeued: number; unconfirmed: number }> {
  const requeued = await tx.all<{ id: string }>(
    `UPDATE mail_messages SET status = 'queued', attempts = attempts - 1, updated_at = ?
      WHERE ${lapsed} AND channel = 'outbox' RETURNING id`,
    [at, nowMs],
  );
  await history(tx, requeued, 'queued', 'the relay restarted before it was kept in the outbox', at);
  const unconfirmed = await tx.all<{ id: string }>(
    `UPDATE mail_messages SET status = 'unconfirmed', updated_at = ? WHERE ${lapsed} RETURNING id`,
    [at, nowMs],
  );
  await history(tx, unconfirmed, 'unconfirmed', 'the relay stopped while handing it to the SMTP server: it may have gone, so it is not sent again on its own', at);
  return { requeued: requeued.length, unconfirmed: unconfirmed.length };
}

/** Whether any e-mail is claimed by a node whose lease lapsed (a read, so that idle nodes write nothing). */
export async function anyLapsedMail(q: Queries, nowMs: number): Promise<boolean> {
  return (await q.get<{ n: number }>(`SELECT 1 AS n FROM mail_messages WHERE ${lapsed} LIMIT 1`, [nowMs])) !== undefined;
}

async function history(tx: Queries, rows: { id: string }[], status: string, detail: string, at: string) {
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    await tx.run(
      `INSERT INTO mail_history (message_id, status, detail, at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap(({ id }) => [id, status, detail, at]),
    );
  }
}
