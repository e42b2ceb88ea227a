import { ErrorCode } from '#core/api/errors';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';
import { Pump } from '../pump.ts';

/** How long a wait is held before it is answered "nothing new" (the client asks again). */
export const waitMs = 25_000;
/** Waits held per person (more tabs: the oldest is answered at once) and in all. */
const perPerson = 3;
const maxWaiting = 10_000;
/** How often the store is looked at while someone waits. */
const tickMs = 1_000;
/** Notices of one kind read per look at most; the rest wait for the next look. */
const rowsPerLook = 10_000;

type Wake = (changed: boolean) => void;

/**
 * The bell, live: a person's client holds `GET /api/me/notices/wait?after=<cursor>` and is
 * answered as soon as a notice of theirs is written (decision, idea, activity notice or figure alert), or
 * after `waitMs`. While anyone waits, one query per kind and second looks at what was
 * written since the last look — whoever wrote it — so no feature has to tell. A pump
 * (pump.ts) turns each second; while nobody waits, its turn reads nothing.
 */
export class NoticeWaiters {
  private readonly waiting = new Map<string, Set<Wake>>();
  private size = 0;
  private readonly pump: Pump;
  private seen = { decision: 0, idea: 0, activity: 0, alertAt: '' };
  private stopped = true;

  constructor(private readonly ctx: Context) {
    this.pump = new Pump('live notices', { log: ctx.log, now: ctx.now, work: () => this.look(), everyMs: tickMs });
  }

  async start() {
    const db = this.ctx.db;
    this.seen = {
      decision: (await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM decision_notices'))?.id ?? 0,
      idea: (await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM idea_notices'))?.id ?? 0,
      activity: (await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity_notices'))?.id ?? 0,
      alertAt: (await db.get<{ at: string | null }>('SELECT MAX(created_at) AS at FROM figure_alerts'))?.at ?? '',
    };
    this.stopped = false;
    await this.pump.start();
  }

  /** Answers every held wait "nothing new"; resolves once a look in progress is done. */
  stop(): Promise<void> {
    this.stopped = true;
    for (const wakes of [...this.waiting.values()]) for (const wake of [...wakes]) wake(false);
    return this.pump.stop();
  }

  /** Where the person's notices stand: changes whenever one is written for them. */
  async cursorOf(userId: string): Promise<string> {
    const db = this.ctx.db;
    const d = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM decision_notices WHERE user_id = ?', [userId]);
    const i = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM idea_notices WHERE user_id = ?', [userId]);
    const n = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity_notices WHERE user_id = ?', [userId]);
    const a = await db.get<{ at: string | null }>('SELECT MAX(created_at) AS at FROM figure_alerts WHERE controller_id = ?', [userId]);
    return `${d?.id ?? 0}.${i?.id ?? 0}.${n?.id ?? 0}.${a?.at ?? ''}`;
  }

  /** Answers at once if the cursor moved since `after`, else when a notice of theirs is written, or after `waitMs`. */
  async wait(userId: string, after: string | null): Promise<{ changed: boolean; cursor: string }> {
    const cursor = await this.cursorOf(userId);
    if (after === null || cursor !== after || this.stopped) return { changed: after !== null && cursor !== after, cursor };
    const until = Date.now() + waitMs;
    // A look may wake a person for a notice written before their cursor (written while
    // nobody waited, so not yet seen): their cursor has not moved, and they wait on.
    for (let wakes = 0; wakes < 100; wakes++) {
      const woken = await this.hold(userId, until - Date.now());
      // Stopping: answered without touching the store, which is closing.
      if (this.stopped) return { changed: false, cursor: after };
      const next = await this.cursorOf(userId);
      if (next !== after || !woken || Date.now() >= until) return { changed: next !== after, cursor: next };
    }
    return { changed: false, cursor: after };
  }

  private hold(userId: string, ms: number): Promise<boolean> {
    const wakes = this.waiting.get(userId) ?? new Set<Wake>();
    if (wakes.size >= perPerson) [...wakes][0]?.(false);
    if (this.size >= maxWaiting) throw new Refusal(ErrorCode.busy, 'Too many clients are waiting for notices: ask again shortly.');
    this.waiting.set(userId, wakes);
    return new Promise<boolean>((resolve) => {
      const wake: Wake = (changed) => {
        clearTimeout(timeout);
        if (wakes.delete(wake)) this.size--;
        if (wakes.size === 0 && this.waiting.get(userId) === wakes) this.waiting.delete(userId);
        resolve(changed);
      };
      const timeout = setTimeout(() => wake(false), Math.max(0, ms));
      wakes.add(wake);
      this.size++;
    });
  }

  /** One look at what was written since the last, while anyone waits. */
  private async look() {
    if (this.size === 0) return;
    try {
      const db = this.ctx.db;
      // The newest notices by their ids, then grouped: grouped at once, SQLite read every
      // organisation's notices in the order of their person index, every second.
      const newer = (table: 'decision_notices' | 'idea_notices' | 'activity_notices', after: number) =>
        db.all<{ user_id: string; id: number }>(
          `SELECT user_id, MAX(id) AS id FROM (SELECT user_id, id FROM ${table} WHERE id > ? ORDER BY id LIMIT ${rowsPerLook}) AS newer GROUP BY user_id`,
          [after],
        );
      const decisions = await newer('decision_notices', this.seen.decision);
      const ideas = await newer('idea_notices', this.seen.idea);
      const activity = await newer('activity_notices', this.seen.activity);
      const alerts = await db.all<{ user_id: string; at: string }>(
        'SELECT controller_id AS user_id, MAX(created_at) AS at FROM figure_alerts WHERE created_at > ? GROUP BY controller_id',
        [this.seen.alertAt],
      );
      for (const r of decisions) this.seen.decision = Math.max(this.seen.decision, r.id);
      for (const r of ideas) this.seen.idea = Math.max(this.seen.idea, r.id);
      for (const r of activity) this.seen.activity = Math.max(this.seen.activity, r.id);
      for (const r of alerts) if (r.at > this.seen.alertAt) this.seen.alertAt = r.at;
      for (const { user_id } of [...decisions, ...ideas, ...activity, ...alerts]) for (const wake of [...(this.waiting.get(user_id) ?? [])]) wake(true);
    } catch (err) {
      this.ctx.log.error({ err }, 'could not look for new notices');
    }
  }
}
