import type { Queries } from '../store/db.ts';

/**
 * Daily counters of SMS per organisation and subject (`sender:<user id>`, or
 * `unknown-confirmations`), by UTC day: read and bumped in the transaction that queues
 * the message, so a quota holds under concurrent sends.
 */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Counts one more for `subject` today, unless `limit` is reached: then false, and nothing changes. */
export async function takeFromDay(tx: Queries, orgId: string, subject: string, now: Date, limit: number): Promise<boolean> {
  const day = dayOf(now);
  const row = await tx.get<{ count: number }>('SELECT count FROM sms_day_counts WHERE org_id = ? AND subject = ? AND day = ?', [orgId, subject, day]);
  if ((row?.count ?? 0) >= limit) return false;
  await tx.run(
    `INSERT INTO sms_day_counts (org_id, subject, day, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (org_id, subject, day) DO UPDATE SET count = sms_day_counts.count + 1`,
    [orgId, subject, day],
  );
  return true;
}
