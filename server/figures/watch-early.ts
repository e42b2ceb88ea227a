import type { Context } from '../context.ts';
import type { SmsStatusChange } from '../sms/gateway.ts';
import { finalStatuses, isFinal } from '../sms/status.ts';

/**
 * The gateway's status listener for figures SMS. The delivery watch normally looks at a
 * batch `watchMinutes` after the send; but once every SMS of the batch has a final
 * status and one of them is not `delivered` (a number out of service, an expired
 * message), there is nothing left to wait for: the watch is brought forward to now, so
 * the controller hears who and why at once. A batch still in flight is left alone, so
 * no recipient is reported before their SMS had its chance.
 */
export async function watchEarly(ctx: Context, change: SmsStatusChange, poke: () => void): Promise<void> {
  if (!isFinal(change.status) || change.status === 'delivered') return;
  const send = await ctx.db.get<{ batch: string; watched_at: string | null }>(
    'SELECT batch, watched_at FROM figure_sends WHERE idempotency_key = ?',
    [change.idempotencyKey],
  );
  if (!send || send.watched_at) return;
  const marks = finalStatuses.map(() => '?').join(',');
  const pending = await ctx.db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM figure_sends s LEFT JOIN sms_messages m ON m.id = s.message_id
      WHERE s.batch = ? AND (s.state = 'claimed' OR (s.state = 'enqueued' AND (m.status IS NULL OR m.status NOT IN (${marks}))))`,
    [send.batch, ...finalStatuses],
  );
  if ((pending?.n ?? 1) > 0) return;
  await ctx.db.run('UPDATE figure_sends SET watch_at = ? WHERE batch = ? AND watched_at IS NULL', [ctx.now().toISOString(), send.batch]);
  poke();
}
