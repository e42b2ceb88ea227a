import type { Context } from '../context.ts';
import { SmsRefused } from '../sms/gateway.ts';
import type { Queries } from '../store/db.ts';
import type { RenderedSms } from './compose.ts';

/**
 * Each recipient's send, exactly once.
 *
 * A batch (a scheduled run `<schedule>:<day>`, or a "send now") first CLAIMS every
 * recipient in one SQLite transaction: a `figure_sends` row per person, with the text
 * frozen and the gateway idempotency key `figures:<schedule>:<day>:<user>`. Only then
 * is each row handed to the gateway, with that key, and marked `enqueued`.
 * - A crash before the claim commits: nothing was claimed, the run is decided again.
 * - A crash between claim and enqueue: the row is still `claimed`; delivering the batch
 *   again enqueues it with the same key — the gateway returns the message it already
 *   has, or queues it now. Never twice, never lost.
 */
export const figuresKind = 'figures.daily';

export interface Batch {
  batch: string;
  orgId: string;
  figureId: string;
  scheduleId: string | null;
  day: string;
  controllerId: string;
  watchMinutes: number;
  /** The gateway key of one recipient's SMS. */
  keyOf(userId: string): string;
}

export interface SendRow {
  idempotency_key: string;
  user_id: string;
  text: string;
  state: 'claimed' | 'enqueued' | 'refused' | 'missed';
  message_id: string | null;
  reason: string | null;
}

export async function claimBatch(tx: Queries, batch: Batch, rendered: RenderedSms[], now: Date): Promise<void> {
  const at = now.toISOString();
  const watchAt = new Date(now.getTime() + batch.watchMinutes * 60_000).toISOString();
  for (const r of rendered) {
    await tx.run(
      `INSERT INTO figure_sends (idempotency_key, org_id, batch, schedule_id, figure_id, day, user_id, text, state,
         watch_at, controller_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'claimed', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [batch.keyOf(r.userId), batch.orgId, batch.batch, batch.scheduleId, batch.figureId, batch.day, r.userId, r.text, watchAt, batch.controllerId, at, at],
    );
  }
}

/** Hands every claimed row of the batch to the gateway; returns all rows of the batch. */
export async function deliverBatch(ctx: Context, batch: Batch, requestedBy?: string): Promise<SendRow[]> {
  const claimed = await sendsOf(ctx.db, batch.batch, 'claimed');
  for (const row of claimed) {
    let update: [string, string | null, string | null];
    try {
      const sms = await ctx.sms.enqueue({
        orgId: batch.orgId,
        userId: row.user_id,
        text: row.text,
        kind: figuresKind,
        idempotencyKey: row.idempotency_key,
        requestedBy,
      });
      update = ['enqueued', sms.id, null];
    } catch (err) {
      if (!(err instanceof SmsRefused)) throw err;
      update = ['refused', null, err.reason];
    }
    await ctx.db.run('UPDATE figure_sends SET state = ?, message_id = ?, reason = ?, updated_at = ? WHERE idempotency_key = ?', [
      ...update,
      ctx.now().toISOString(),
      row.idempotency_key,
    ]);
  }
  return sendsOf(ctx.db, batch.batch);
}

export async function sendsOf(db: Queries, batch: string, state?: SendRow['state']): Promise<SendRow[]> {
  return db.all<SendRow>(
    `SELECT idempotency_key, user_id, text, state, message_id, reason FROM figure_sends WHERE batch = ? ${state ? 'AND state = ?' : ''} ORDER BY created_at, rowid`,
    state ? [batch, state] : [batch],
  );
}

/**
 * A batch closed as too late: rows still `claimed` are `missed` — unless the gateway
 * already holds their key (the crash came after it queued them), which it tells by
 * its own record of the key. Returns how many were missed.
 */
export async function abandonBatch(ctx: Context, batch: Batch): Promise<{ missed: number }> {
  let missed = 0;
  for (const row of await sendsOf(ctx.db, batch.batch, 'claimed')) {
    const held = await ctx.db.get<{ id: string }>('SELECT id FROM sms_messages WHERE org_id = ? AND idempotency_key = ?', [
      batch.orgId,
      row.idempotency_key,
    ]);
    await ctx.db.run('UPDATE figure_sends SET state = ?, message_id = ?, updated_at = ? WHERE idempotency_key = ?', [
      held ? 'enqueued' : 'missed',
      held?.id ?? null,
      ctx.now().toISOString(),
      row.idempotency_key,
    ]);
    if (!held) missed++;
  }
  return { missed };
}
