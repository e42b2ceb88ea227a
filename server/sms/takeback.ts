import type { Queries } from '../store/db.ts';
import { liveNodeIds } from '../nodes/leases.ts';

/** The note a message taken back gets (renderer/sms/relay-words.ts reads it in the person's language). */
export const takenBackNote = 'unconfirmed: the relay restarted while sending; waiting for a receipt';

/**
 * Claims whose node is gone (its lease lapsed: killed, stopped, or stalled past its lease)
 * are taken back, in one statement that any node may run at any time. The message may
 * have reached the provider before the node died, so it is not sent again blindly: it is
 * marked in doubt and waits for a receipt, and only when none comes within the grace
 * period is it queued again (worker.ts `sweep`) — never lost, never sent twice. A claim
 * that names no node (made before nodes had leases) counts as a lapsed one.
 */
export async function takeBackLapsedClaims(tx: Queries, nowMs: number, at: string): Promise<number> {
  const taken = await tx.all<{ id: string }>(
    `UPDATE sms_messages SET unconfirmed_since = ?, updated_at = ?
      WHERE status = 'sending' AND unconfirmed_since IS NULL
        AND (claimed_by IS NULL OR claimed_by NOT IN (${liveNodeIds}))
      RETURNING id`,
    [at, at, nowMs],
  );
  for (let i = 0; i < taken.length; i += 300) {
    const chunk = taken.slice(i, i + 300);
    await tx.run(
      `INSERT INTO sms_history (message_id, status, detail, at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap(({ id }) => [id, 'sending', takenBackNote, at]),
    );
  }
  return taken.length;
}
