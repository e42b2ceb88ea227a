import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { activityFor } from './activities.ts';
import type { TicketRate } from './ticket-rate.ts';
import { refuseRemovedContent } from '../retention/tombstone.ts';

export interface TicketRecord {
  user_id: string;
  activity_id: string;
  expires_at: string;
  used_at: string | null;
}

export type TicketRefusal = 'unknown' | 'expired' | 'used' | 'wrong-room';

/** Why a sync ticket cannot admit a connection to `room`, or null when it can. */
export function judgeTicket(record: TicketRecord | undefined, room: string, now: Date): TicketRefusal | null {
  if (!record) return 'unknown';
  if (record.used_at !== null) return 'used';
  if (Date.parse(record.expires_at) <= now.getTime()) return 'expired';
  if (record.activity_id !== room) return 'wrong-room';
  return null;
}

/**
 * Spent and expired tickets are pruned at most once a minute: pruning on every issue
 * would add a table scan and a second durable write to each of them (a person opening
 * connections in a loop would make the store work twice for each).
 */
export class TicketPruning {
  private next = 0;

  due(now: number): boolean {
    if (now < this.next) return false;
    this.next = now + 60_000;
    return true;
  }
}

export async function issueTicket(
  ctx: Context,
  desk: { rate: TicketRate; pruning: TicketPruning },
  caller: Caller,
  activityId: string,
  origin: string,
) {
  await activityFor(ctx, caller, activityId);
  await refuseRemovedContent(ctx.db, activityId);
  const now = ctx.now();
  await desk.rate.take(caller.id, Date.now());
  const ticket = newSecret();
  await ctx.db.run(
    `INSERT INTO sync_tickets (ticket_hash, user_id, activity_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
    [
      hashSecret(ticket),
      caller.id,
      activityId,
      now.toISOString(),
      new Date(now.getTime() + ctx.config.ticketSeconds * 1000).toISOString(),
    ],
  );
  // Used and expired tickets are of no further use: keep the table small.
  if (desk.pruning.due(Date.now())) {
    await ctx.db.run('DELETE FROM sync_tickets WHERE expires_at < ?', [new Date(now.getTime() - 3_600_000).toISOString()]);
  }
  // The relay's time, read last, for the timers everyone must agree on (core/sync/relay-clock.ts).
  return { url: `${origin.replace(/^http/, 'ws')}/sync`, room: activityId, ticket, now: ctx.now().getTime() };
}

/**
 * Spends a ticket: marks it used in the same statement that checks it was not, so two
 * connections racing with one ticket cannot both get in.
 */
export async function redeemTicket(ctx: Context, ticket: string, room: string) {
  const hash = hashSecret(ticket);
  const now = ctx.now();
  const record = await ctx.db.get<TicketRecord>(
    'SELECT user_id, activity_id, expires_at, used_at FROM sync_tickets WHERE ticket_hash = ?',
    [hash],
  );
  const refusal = judgeTicket(record, room, now);
  if (refusal || !record) return { ok: false as const, refusal: refusal ?? 'unknown' };
  const spent = await ctx.db.run('UPDATE sync_tickets SET used_at = ? WHERE ticket_hash = ? AND used_at IS NULL', [
    now.toISOString(),
    hash,
  ]);
  if (spent.changes === 0) return { ok: false as const, refusal: 'used' as const };
  return { ok: true as const, userId: record.user_id };
}
