import { reminderStep, ReminderStage } from '#core/methods/action-reminders';
import type { Context } from '../context.ts';
import { whoMaySee, writeNotices } from '../notifications/activity-notices.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';

/** Items looked at per batch, and batches per run (between runs the event loop is free). */
const itemsPerBatch = 100;
const batchesPerRun = 10;

interface DueRow {
  activity_id: string;
  board_id: string;
  item_id: string;
  title: string;
  owner_id: string;
  due: string;
  remind_stage: number;
  remind_at: string;
  org_id: string | null;
  time_zone: string | null;
}

/**
 * Reminds each open action item's owner the day before it is due and on the day, at 09:00
 * in their zone (the zone of their SMS consent, else their organisation's SMS zone, else
 * Europe/Paris), as an `action_due` activity notice: in the bell, then by e-mail and SMS as
 * they chose (notice-teller.ts, SMS only with their consent). Each reminder is written once:
 * its notice is keyed by item, owner, due day and stage, and written in one transaction with
 * the item's next stage (migration 780), so a relay killed at any point writes it at start,
 * never twice. Rows are taken by `remind_at` (an early bound until made exact here), a batch
 * at a time; an owner who may not see the activity now is not reminded.
 */
export class ActionReminders {
  private readonly pump: Pump;
  private stopping = false;

  constructor(private readonly ctx: Context) {
    this.pump = new Pump('action reminders', {
      log: ctx.log,
      now: ctx.now,
      everyMs: ctx.config.noticesTickMs,
      next: async () => (await ctx.db.get<{ at: string | null }>('SELECT MIN(remind_at) AS at FROM action_items WHERE remind_at IS NOT NULL'))?.at ?? null,
      work: () => this.run(),
      lease: jobLease(ctx, 'action-reminders'),
    });
    // Items change in the sync log's commits, which say so like mentions do.
    ctx.events.onNoticesPending(() => this.pump.wake());
  }

  start() {
    this.stopping = false;
    return this.pump.start();
  }

  async stop() {
    this.stopping = true;
    await this.pump.stop();
  }

  private async run() {
    for (let i = 0; i < batchesPerRun && !this.stopping; i++) {
      const rows = await this.ctx.db.all<DueRow>(
        `SELECT i.activity_id, i.board_id, i.item_id, i.title, i.owner_id, i.due, i.remind_stage, i.remind_at, a.org_id,
                COALESCE(c.time_zone, s.time_zone) AS time_zone
           FROM action_items i JOIN activities a ON a.id = i.activity_id
           LEFT JOIN users u ON u.id = i.owner_id
           LEFT JOIN sms_consents c ON c.org_id = u.org_id AND c.phone = u.phone
           LEFT JOIN sms_settings s ON s.org_id = u.org_id
          WHERE i.remind_at IS NOT NULL AND i.remind_at <= ? ORDER BY i.remind_at LIMIT ?`,
        [this.ctx.now().toISOString(), itemsPerBatch],
      );
      for (const row of rows) if (!this.stopping) await this.step(row);
      if (rows.length < itemsPerBatch) return;
    }
    if (!this.stopping) this.pump.wake();
  }

  /** One item: made exact and left waiting, or its reminder written (or skipped) with its next stage, in one transaction. */
  private async step(row: DueRow) {
    const { db } = this.ctx;
    const now = this.ctx.now();
    const step = reminderStep(row.due, stageOf(row.remind_stage), now, zoneOr(row.time_zone));
    const where = 'WHERE activity_id = ? AND board_id = ? AND item_id = ? AND remind_stage = ? AND remind_at = ?';
    const key = [row.activity_id, row.board_id, row.item_id, row.remind_stage, row.remind_at];
    if ('wait' in step) {
      await db.run(`UPDATE action_items SET remind_at = ? ${where}`, [step.wait.toISOString(), ...key]);
      return;
    }
    const next = step.next === ReminderStage.none ? null : new Date(Math.max(now.getTime(), Date.parse(row.remind_at) + 1)).toISOString();
    const tell = 'send' in step && row.org_id !== null && (await whoMaySee(db, row.activity_id, [row.owner_id])).length === 1;
    let written = 0;
    await db.transaction(async (tx) => {
      // The row may have changed since it was read (an edit committed meanwhile): then it is left to the next run.
      const moved = await tx.run(`UPDATE action_items SET remind_stage = ?, remind_at = ? ${where}`, [step.next, next, ...key]);
      if (moved.changes === 0 || !tell || !('send' in step)) return;
      written = await writeNotices(tx, [
        {
          userId: row.owner_id,
          orgId: row.org_id!,
          activityId: row.activity_id,
          kind: 'action_due',
          subjectId: row.item_id,
          actorId: null,
          about: row.title.slice(0, 200),
          key: `action_due:${row.activity_id}:${row.item_id}:${row.owner_id}:${row.due}:${step.send}`,
          at: now.toISOString(),
        },
      ]);
    });
    if (written > 0) this.ctx.events.noticesPending();
  }
}

const stageOf = (n: number): ReminderStage => (n === 0 ? ReminderStage.dayBefore : n === 1 ? ReminderStage.dueDay : ReminderStage.none);

/** A zone the platform knows, or Europe/Paris. */
function zoneOr(zone: string | null): string {
  if (!zone) return 'Europe/Paris';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'Europe/Paris';
  }
}
