import { planIds, planOf, plans } from '#core/plans/plans';
import { closedBefore, retentionDue } from '#core/plans/retention';
import type { Context } from '../context.ts';
import { writeNotices, type NewNotice } from '../notifications/activity-notices.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import { facilitatorsOf } from './facilitators.ts';
import { ContentRemoval } from './removal.ts';

/** Closed activities looked at per statement: between batches the event loop is free. */
const perBatch = 100;

interface ClosedRow {
  id: string;
  org_id: string;
  plan: string;
  closed_at: string;
  retention_warned: string | null;
  retention_warned_at: string | null;
}

/**
 * The retention job (README "Retention"): on a pump (pump.ts) that looks every
 * CONCLAVE_RETENTION_TICK_MS, reads each organisation's plan from the store as it is now
 * and, for every closed activity whose time is near, warns its facilitators (an
 * `activity_notices` row of kind `retention`, told by e-mail by the notice teller) or
 * starts removing its content (`retention_removals`, carried on by removal.ts step by step,
 * across restarts). Everything it decides is written to the store before it acts on it.
 */
export class RetentionJob {
  private readonly pump: Pump;
  private readonly removal: ContentRemoval;
  private stopping = false;

  constructor(private readonly ctx: Context) {
    this.removal = new ContentRemoval(ctx, () => this.stopping);
    this.pump = new Pump('retention', { log: ctx.log, now: ctx.now, work: () => this.run(), everyMs: ctx.config.organizations.retentionTickMs, lease: jobLease(ctx, 'retention') });
  }

  start() {
    this.stopping = false;
    void this.pump.start();
  }

  async stop() {
    this.stopping = true;
    await this.pump.stop();
  }

  private async run() {
    const now = this.ctx.now();
    await this.lookAtClosed(now);
    await this.removal.carryOn();
    if (this.stopping) return;
    await this.ctx.db.run('INSERT INTO retention_state (one, checked_at) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET checked_at = excluded.checked_at', [now.toISOString()]);
  }

  /** Every closed activity old enough to be warned about or removed under its organisation's plan now, in batches. */
  private async lookAtClosed(now: Date) {
    // Each plan's oldest closing still kept quiet; a plan the relay does not know reads as Basic (plans.ts planOf).
    const cutoff = (id: string) => (plans[planOf(id).id].retentionDays === null ? '' : closedBefore(plans[planOf(id).id].retentionDays!, now));
    const known = planIds.map((id) => `WHEN '${id}' THEN ?`).join(' ');
    let after = { closedAt: '', id: '' };
    while (!this.stopping) {
      const rows = await this.ctx.db.all<ClosedRow>(
        `SELECT a.id, a.org_id, o.plan, a.closed_at, a.retention_warned, a.retention_warned_at
           FROM activities a JOIN organizations o ON o.id = a.org_id
          WHERE a.closed_at IS NOT NULL AND a.content_removed_at IS NULL
            AND a.closed_at <= CASE o.plan ${known} ELSE ? END
            AND (a.closed_at > ? OR (a.closed_at = ? AND a.id > ?))
            AND NOT EXISTS (SELECT 1 FROM retention_removals r WHERE r.activity_id = a.id)
          ORDER BY a.closed_at, a.id LIMIT ${perBatch}`,
        [...planIds.map(cutoff), cutoff('basic'), after.closedAt, after.closedAt, after.id],
      );
      for (const row of rows) await this.judge(row, now);
      if (rows.length < perBatch) return;
      after = { closedAt: rows.at(-1)!.closed_at, id: rows.at(-1)!.id };
    }
  }

  private async judge(row: ClosedRow, now: Date) {
    const plan = planOf(row.plan);
    const due = retentionDue(plan, { closedAt: row.closed_at, warned: row.retention_warned, warnedAt: row.retention_warned_at }, now);
    if (due.kind === 'warn') return this.warn(row, due.mark, due.removeOn, now);
    if (due.kind === 'remove') {
      // Only if it is still closed as judged (nobody reopened it meanwhile).
      await this.ctx.db.run(
        `INSERT INTO retention_removals (activity_id, plan, started_at)
         SELECT id, ?, ? FROM activities WHERE id = ? AND closed_at = ? AND content_removed_at IS NULL
         ON CONFLICT (activity_id) DO NOTHING`,
        [plan.name, now.toISOString(), row.id, row.closed_at],
      );
    }
  }

  /** Tells each facilitator once (the notice's key names the closing and the retention), with the day the content goes. */
  private async warn(row: ClosedRow, mark: string, removeOn: string, now: Date) {
    const at = now.toISOString();
    const notices: NewNotice[] = (await facilitatorsOf(this.ctx.db, row.id)).map((userId) => ({
      userId,
      orgId: row.org_id,
      activityId: row.id,
      kind: 'retention',
      subjectId: row.id,
      actorId: null,
      about: removeOn.slice(0, 10),
      key: `retention:${row.id}:${mark}:${userId}`,
      at,
    }));
    await this.ctx.db.transaction(async (tx) => {
      const marked = await tx.run('UPDATE activities SET retention_warned = ?, retention_warned_at = ? WHERE id = ? AND closed_at = ?', [mark, at, row.id, row.closed_at]);
      if (marked.changes > 0) await writeNotices(tx, notices);
    });
    this.ctx.events.noticesPending();
  }
}
