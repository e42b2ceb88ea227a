import type { Queries } from '../../store/db.ts';

/**
 * Each reply applied once (README "E-mail replies"), keyed by a hash of its token and
 * Message-ID. A delivery claims the key before applying the reply and marks it done
 * after; a refusal or a failure releases it. A claim left unfinished (the relay stopped
 * mid-way) is taken over after `staleMs`: the reply is then applied again rather than
 * lost — a rare duplicate is better than a reply that never arrives.
 */
export type Claim = 'claimed' | 'already_done' | 'in_progress';

export const staleMs = 10 * 60 * 1000;

export async function claimReply(db: Queries, key: string, now: Date): Promise<Claim> {
  const at = now.toISOString();
  const inserted = await db.run('INSERT INTO mail_inbound_seen (message_key, seen_at, done) VALUES (?, ?, 0) ON CONFLICT DO NOTHING', [key, at]);
  if (inserted.changes > 0) return 'claimed';
  const staleBefore = new Date(now.getTime() - staleMs).toISOString();
  // Taking over a stale claim is one statement, so two late deliveries cannot both win it.
  const taken = await db.run('UPDATE mail_inbound_seen SET seen_at = ? WHERE message_key = ? AND done = 0 AND seen_at <= ?', [at, key, staleBefore]);
  if (taken.changes > 0) return 'claimed';
  const row = await db.get<{ done: number }>('SELECT done FROM mail_inbound_seen WHERE message_key = ?', [key]);
  return row?.done === 1 ? 'already_done' : 'in_progress';
}

export async function settleReply(db: Queries, key: string): Promise<void> {
  await db.run('UPDATE mail_inbound_seen SET done = 1 WHERE message_key = ?', [key]);
}

export async function releaseReply(db: Queries, key: string): Promise<void> {
  await db.run('DELETE FROM mail_inbound_seen WHERE message_key = ? AND done = 0', [key]);
}
