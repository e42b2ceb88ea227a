import { addDays, dayIn } from '#core/figures/days';
import { decideSchedule, defaultLookBackMs, type RunState, type ScheduleAction } from '#core/figures/schedule';
import type { Context } from '../context.ts';
import { messageById } from '../sms/messages.ts';
import { raiseAlert, sendPendingAlerts } from './alerts.ts';
import { missingText, tooLateText, undeliveredText, type NotDelivered } from './alert-texts.ts';
import { renderMessageForList } from './compose.ts';
import type { FiguresConfig } from '../config.ts';
import { Pump } from '../pump.ts';
import { jobLease, type JobLease } from '../nodes/job-lease.ts';
import { localeOfOrg, type FigureRow } from './figures.ts';
import { figuresById, messageLabel, scheduleFigureIds } from './morning.ts';
import type { ScheduleRow } from './schedules.ts';
import { abandonBatch, claimBatch, deliverBatch, type Batch } from './send.ts';

/**
 * The scheduler: on every tick (and when values come in) it asks the pure decision of
 * core/figures/schedule.ts what each schedule owes now, and does it; then it watches
 * deliveries. Everything it knows is in SQLite (runs, sends, alerts), so a restart
 * picks up exactly where the store says, whatever the process remembered.
 */
export class FiguresScheduler {
  private readonly pump: Pump;
  /** One node at a time runs the schedules (CLUSTER.md N8); a run's claim is fenced by it. */
  private readonly lease: JobLease;
  private stopped = true;

  constructor(
    private readonly ctx: Context,
    private readonly config: FiguresConfig,
  ) {
    this.lease = jobLease(ctx, 'figures');
    this.pump = new Pump('figures scheduler', { log: ctx.log, now: ctx.now, work: () => this.tick(), everyMs: config.tickMs, lease: this.lease });
  }

  start() {
    this.stopped = false;
    void this.pump.start();
  }

  async stop() {
    this.stopped = true;
    await this.pump.stop();
  }

  /** Look now (values entered, schedule changed); the pump also looks every tick. */
  poke() {
    this.pump.wake();
  }

  private async tick() {
    const schedules = await this.ctx.db.all<ScheduleRow>('SELECT * FROM figure_schedules WHERE enabled = 1');
    for (const schedule of schedules) {
      if (this.stopped) return;
      await this.runSchedule(schedule).catch((err: unknown) =>
        this.ctx.log.error({ err, schedule: schedule.id }, 'a figures schedule failed; trying again next tick'),
      );
    }
    await this.resumeSendNow();
    await this.watchDeliveries();
    await sendPendingAlerts(this.ctx);
  }

  private async runSchedule(s: ScheduleRow) {
    const { db } = this.ctx;
    const now = this.ctx.now();
    const since = addDays(dayIn(new Date(now.getTime() - defaultLookBackMs), s.time_zone), -2);
    const runs = new Map(
      (await db.all<{ day: string; state: RunState }>('SELECT day, state FROM figure_runs WHERE schedule_id = ? AND day >= ?', [s.id, since])).map(
        (r) => [r.day, r.state],
      ),
    );
    // A morning message goes once every one of its figures has the day's values.
    const figureIds = await scheduleFigureIds(db, s.id, s.figure_id);
    const valueDays = new Map<string, number>();
    for (const figureId of figureIds) {
      for (const { day } of await db.all<{ day: string }>('SELECT day FROM figure_values WHERE figure_id = ? AND day >= ?', [figureId, since])) {
        valueDays.set(day, (valueDays.get(day) ?? 0) + 1);
      }
    }
    const decision = decideSchedule({
      schedule: { cron: s.cron, timeZone: s.time_zone, windowMinutes: s.window_minutes, activeSince: new Date(s.active_since) },
      now,
      runs,
      hasValues: (day) => valueDays.get(day) === figureIds.length,
    });
    for (const action of decision.actions) await this.act(s, figureIds, action, runs.get(action.day));
  }

  private batchOf(s: ScheduleRow, day: string): Batch {
    return {
      batch: `${s.id}:${day}`,
      orgId: s.org_id,
      figureId: s.figure_id,
      scheduleId: s.id,
      day,
      controllerId: s.controller_id,
      watchMinutes: s.watch_minutes,
      keyOf: (userId) => `figures:${s.id}:${day}:${userId}`,
    };
  }

  private async act(s: ScheduleRow, figureIds: string[], action: ScheduleAction, before: RunState | undefined) {
    const { db } = this.ctx;
    const at = this.ctx.now().toISOString();
    const figures = await figuresById(db, figureIds);
    if (figures.length === 0) return;
    const locale = await localeOfOrg(db, s.org_id);
    const label = messageLabel(figures);
    const alert = { orgId: s.org_id, controllerId: s.controller_id, figureId: s.figure_id, scheduleId: s.id, day: action.day };
    switch (action.kind) {
      case 'send':
        return this.sendRun(s, figureIds, action.day, action.firedAt);
      case 'wait':
        return;
      case 'alert-missing':
        await db.run(
          "INSERT INTO figure_runs (schedule_id, day, state, fired_at, detail, updated_at) VALUES (?, ?, 'waiting', ?, 'values missing', ?) ON CONFLICT DO NOTHING",
          [s.id, action.day, action.firedAt.toISOString(), at],
        );
        return raiseAlert(this.ctx, {
          ...alert,
          kind: 'values-missing',
          subject: `missing:${s.id}:${action.day}`,
          text: missingText(locale, messageLabel(await this.withoutValues(figures, action.day)), action.day, action.deadline, s.time_zone),
        });
      case 'too-late': {
        if (before === 'sending') {
          const { missed } = await abandonBatch(this.ctx, this.batchOf(s, action.day));
          const total = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM figure_sends WHERE batch = ?', [`${s.id}:${action.day}`]))?.n ?? 0;
          if (missed === 0 && total > 0) {
            // Every recipient had been handed to the gateway before the interruption: it was sent.
            await db.run("UPDATE figure_runs SET state = 'sent', detail = 'completed after a restart', updated_at = ? WHERE schedule_id = ? AND day = ?", [at, s.id, action.day]);
            return;
          }
        }
        await db.run(
          `INSERT INTO figure_runs (schedule_id, day, state, fired_at, detail, updated_at) VALUES (?, ?, 'missed', ?, ?, ?)
           ON CONFLICT (schedule_id, day) DO UPDATE SET state = 'missed', detail = excluded.detail, updated_at = excluded.updated_at`,
          [s.id, action.day, action.firedAt.toISOString(), `too late: ${action.why}`, at],
        );
        return raiseAlert(this.ctx, {
          ...alert,
          kind: 'too-late',
          subject: `too-late:${s.id}:${action.day}`,
          text: tooLateText(locale, label, action.day, action.why),
        });
      }
    }
  }

  /** The figures of a message still without values for `day` (all of them, if none is). */
  private async withoutValues(figures: FigureRow[], day: string): Promise<FigureRow[]> {
    const missing: FigureRow[] = [];
    for (const f of figures) if (!(await this.ctx.db.get('SELECT 1 AS x FROM figure_values WHERE figure_id = ? AND day = ?', [f.id, day]))) missing.push(f);
    return missing.length > 0 ? missing : figures;
  }

  /**
   * Claims the run and its recipients in one transaction — one SMS per person carrying
   * every figure of the message — then hands them to the gateway.
   */
  private async sendRun(s: ScheduleRow, figureIds: string[], day: string, firedAt: Date) {
    const batch = this.batchOf(s, day);
    const now = this.ctx.now();
    const go = await this.ctx.db.transaction(async (tx): Promise<'claimed' | 'resumed' | false> => {
      // A node that lost the job (paused past its lease) claims nothing: the new holder does.
      if (!(await this.lease.fenced(tx))) return false;
      const run = await tx.get<{ state: RunState }>('SELECT state FROM figure_runs WHERE schedule_id = ? AND day = ?', [s.id, day]);
      if (run?.state === 'sent' || run?.state === 'missed') return false;
      if (run?.state === 'sending') return 'resumed';
      const figures = await figuresById(tx, figureIds);
      if (figures.length === 0) return false;
      const rendered = await renderMessageForList(tx, figures, day, s.list_id);
      await tx.run(
        `INSERT INTO figure_runs (schedule_id, day, state, fired_at, detail, updated_at) VALUES (?, ?, 'sending', ?, NULL, ?)
         ON CONFLICT (schedule_id, day) DO UPDATE SET state = 'sending', updated_at = excluded.updated_at`,
        [s.id, day, firedAt.toISOString(), now.toISOString()],
      );
      await claimBatch(tx, batch, rendered, now);
      return 'claimed';
    });
    if (!go) return;
    // Only where the run was claimed: a node carrying on a claimed run (another's, or its own before a restart) goes on.
    if (go === 'claimed') this.crashPoint('after-claim');
    const rows = await deliverBatch(this.ctx, batch);
    this.crashPoint('after-enqueue');
    const sent = rows.filter((r) => r.state === 'enqueued').length;
    const refused = rows.filter((r) => r.state === 'refused').length;
    await this.ctx.db.run("UPDATE figure_runs SET state = 'sent', detail = ?, updated_at = ? WHERE schedule_id = ? AND day = ? AND state = 'sending'", [
      `${sent} queued, ${refused} refused`,
      this.ctx.now().toISOString(),
      s.id,
      day,
    ]);
    this.ctx.log.info({ schedule: s.id, day, sent, refused }, 'daily figures sent');
  }

  private crashPoint(point: string) {
    if (this.config.crashAt === point) process.kill(process.pid, 'SIGKILL');
  }

  /** A "send now" cut by a crash is finished (same keys), or given up when too old. */
  private async resumeSendNow() {
    const edge = new Date(this.ctx.now().getTime() - this.config.resumeSendNowMs).toISOString();
    const batches = await this.ctx.db.all<{ batch: string; org_id: string; figure_id: string; day: string; controller_id: string; created_at: string }>(
      `SELECT batch, MIN(org_id) AS org_id, MIN(figure_id) AS figure_id, MIN(day) AS day, MIN(controller_id) AS controller_id, MIN(created_at) AS created_at FROM figure_sends
        WHERE state = 'claimed' AND schedule_id IS NULL GROUP BY batch`,
    );
    for (const b of batches) {
      const batch: Batch = { ...b, orgId: b.org_id, figureId: b.figure_id, scheduleId: null, controllerId: b.controller_id, watchMinutes: 0, keyOf: () => '' };
      if (b.created_at >= edge) await deliverBatch(this.ctx, batch);
      else await abandonBatch(this.ctx, batch);
    }
  }

  /** After each batch's watch delay: whoever has not got the SMS, the controller hears who and why. */
  private async watchDeliveries() {
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    const due = await db.all<{ batch: string }>(
      `SELECT DISTINCT batch FROM figure_sends WHERE watched_at IS NULL AND state IN ('enqueued', 'refused', 'missed') AND watch_at <= ?`,
      [now],
    );
    for (const { batch } of due) {
      const rows = await db.all<{ idempotency_key: string; user_id: string; state: string; message_id: string | null; reason: string | null; name: string; schedule_id: string | null; figure_id: string; day: string; org_id: string; controller_id: string; watch_at: string; created_at: string }>(
        `SELECT s.*, u.name FROM figure_sends s JOIN users u ON u.id = s.user_id WHERE s.batch = ? ORDER BY lower(u.name)`,
        [batch],
      );
      const first = rows[0];
      if (!first) continue;
      const notDelivered: NotDelivered[] = [];
      // A "send now" already answered who was refused; a scheduled run tells it here.
      const considered = rows.filter((r) => r.state === 'enqueued' || (r.schedule_id !== null && r.state !== 'claimed'));
      for (const row of considered) {
        if (row.state === 'enqueued' && row.message_id) {
          const message = await messageById(db, row.message_id);
          if (message && message.status !== 'delivered') notDelivered.push({ name: row.name, status: message.status, detail: message.detail });
        } else if (row.state === 'refused') notDelivered.push({ name: row.name, status: row.reason ?? 'refused', detail: null });
        else if (row.state === 'missed') notDelivered.push({ name: row.name, status: 'missed', detail: null });
      }
      if (notDelivered.length > 0) {
        const figures = await figuresById(db, first.schedule_id ? await scheduleFigureIds(db, first.schedule_id, first.figure_id) : [first.figure_id]);
        const minutes = Math.round((Date.parse(first.watch_at) - Date.parse(first.created_at)) / 60_000);
        await raiseAlert(this.ctx, {
          orgId: first.org_id,
          controllerId: first.controller_id,
          kind: 'undelivered',
          subject: `undelivered:${batch}`,
          figureId: first.figure_id,
          scheduleId: first.schedule_id,
          day: first.day,
          text: undeliveredText(await localeOfOrg(db, first.org_id), messageLabel(figures), first.day, considered.length, minutes, notDelivered),
        });
      }
      await db.run('UPDATE figure_sends SET watched_at = ? WHERE batch = ? AND watched_at IS NULL', [now, batch]);
    }
  }
}
