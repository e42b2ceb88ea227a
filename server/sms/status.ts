/**
 * The life of an outgoing SMS. Statuses only move forward: provider callbacks and
 * receipts arrive late, twice, or out of order, and a late "sent" must never undo a
 * "delivered".
 *
 *   queued → sending → sent → delivered | undelivered | expired
 *      ↘        ↘        ↘→ failed
 *   (sending → queued again only as a retry: `advance(current, 'queued', 'retry')`)
 *
 * server/sms/lifecycle.ts writes every change, each through `advance`.
 */
import { smsStatuses, type SmsStatus } from '#core/api/sms';

export { smsStatuses, type SmsStatus };

export const finalStatuses: readonly SmsStatus[] = ['delivered', 'undelivered', 'failed', 'expired'];

const rank: Record<SmsStatus, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
  expired: 3,
};

export function isFinal(status: SmsStatus): boolean {
  return rank[status] === 3;
}

/**
 * The status after `next` is reported on a message at `current`: `next` if it moves
 * forward, otherwise `current` (and `moved: false`). A final status never changes.
 * A `retry` is the one way back: only a message still being sent returns to the queue
 * (a receipt may already have moved it on).
 */
export function advance(current: SmsStatus, next: SmsStatus, how: 'forward' | 'retry' = 'forward'): { status: SmsStatus; moved: boolean } {
  if (how === 'retry') return current === 'sending' && next === 'queued' ? { status: next, moved: true } : { status: current, moved: false };
  if (rank[next] > rank[current]) return { status: next, moved: true };
  return { status: current, moved: false };
}
