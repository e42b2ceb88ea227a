import { ErrorCode } from '#core/api/errors';
import type { ActivityNoticeKind } from '#core/api/notifications';
import { noticeWords } from '#core/notifications/notice-texts';
import { activityLink } from '#core/people/links';
import type { Context } from '../context.ts';
import { RateWindow } from '../auth/rate-window.ts';
import { Refusal } from '../errors.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import { whoMaySee, writeNotices, type NewNotice } from './activity-notices.ts';
import { notify } from './notify.ts';

/** Mentions taken from the log, and notices told, per statement or batch. */
const mentionsPerBatch = 100;
const noticesPerBatch = 200;
/** Batches per run: between runs the event loop is free, and the pump runs again at once. */
const batchesPerRun = 5;
/** People told of one comment version at most (a version may list 200). */
export const mentionsPerVersion = 50;
/**
 * A version that reaches the relay longer than this after it was written is not announced:
 * a week offline, or the relay writing old versions again (a restore, an erasure renaming
 * a former member in them) — its people heard of it when it was new, or it is stale.
 */
export const mentionFreshMs = 7 * 24 * 3_600_000;
/** When the organisation's mail queue is full, telling waits this long. */
const fullWaitMs = 30_000;
/**
 * Activity notices told to one person by e-mail or SMS in a day, at most: past it they
 * stay in the bell. Fifty polls opened in an hour, or a colleague mentioning someone in
 * every comment, is no flood of mail. Counted in memory (like the invitation rates);
 * people remembered at most `peopleCounted`.
 */
export const noticesByMailPerDay = 50;
const peopleCounted = 20_000;

interface UntoldRow {
  id: number;
  user_id: string;
  org_id: string;
  activity_id: string;
  kind: ActivityNoticeKind;
  key: string;
  title: string;
  actor_name: string | null;
  actor_id: string | null;
  about: string | null;
  deadline: string | null;
  time_zone: string | null;
}

/**
 * Turns what the relay stored into notices, and tells each notice's person by e-mail and
 * SMS as they chose (notify.ts: preferences, digest, consent, the monthly SMS cap). Runs
 * on a pump (pump.ts) woken by `ctx.events.noticesPending()`, and at start for whatever a
 * stop or crash left: mentions still in `comment_mentions`, notices without `told_at`.
 * Every step is keyed (notices by `key`, e-mail and SMS by `notice:<key>`), so a run
 * that repeats after a crash sends nothing twice.
 */
export class NoticeTeller {
  private readonly pump: Pump;
  private readonly mailed = new RateWindow(noticesByMailPerDay, 86_400_000, peopleCounted);
  private fullUntil: string | null = null;
  private stopping = false;

  constructor(private readonly ctx: Context) {
    this.pump = new Pump('activity notices', {
      log: ctx.log,
      now: ctx.now,
      next: async () => {
        const waiting =
          (await ctx.db.get('SELECT 1 AS one FROM comment_mentions LIMIT 1')) ?? (await ctx.db.get('SELECT 1 AS one FROM activity_notices WHERE told_at IS NULL LIMIT 1'));
        if (!waiting) return null;
        return this.fullUntil ?? ctx.now().toISOString();
      },
      work: () => this.run(),
      lease: jobLease(ctx, 'activity-notices'),
    });
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
    if (this.fullUntil && this.fullUntil > this.ctx.now().toISOString()) return;
    this.fullUntil = null;
    for (let i = 0; i < batchesPerRun && !this.stopping; i++) if (!(await this.takeMentions())) break;
    for (let i = 0; i < batchesPerRun && !this.stopping && !this.fullUntil; i++) if (!(await this.tellSome())) break;
  }

  /**
   * One batch of logged mentions becomes notices: each mentioned person once per comment
   * (`mentioned:<activity>:<comment>:<person>`), never the writer, only people who may see
   * the activity now, and only for a version that reached the relay within `mentionFreshMs`
   * of being written; the batch's rows go in the same transaction. False when none waited.
   */
  private async takeMentions(): Promise<boolean> {
    const rows = await this.ctx.db.all<{ id: number; activity_id: string; author_id: string; comment_id: string; mentioned: string; excerpt: string; written_at: string; logged_at: string; org_id: string | null }>(
      `SELECT m.id, m.activity_id, m.author_id, m.comment_id, m.mentioned, m.excerpt, m.written_at, m.logged_at, a.org_id
         FROM comment_mentions m LEFT JOIN activities a ON a.id = m.activity_id ORDER BY m.id LIMIT ?`,
      [mentionsPerBatch],
    );
    if (rows.length === 0) return false;
    const notices: NewNotice[] = [];
    const at = this.ctx.now().toISOString();
    for (const row of rows) {
      if (!row.org_id || !(Date.parse(row.logged_at) - Date.parse(row.written_at) <= mentionFreshMs)) continue;
      const named = [...new Set(parseIds(row.mentioned))].filter((id) => id !== row.author_id).slice(0, mentionsPerVersion);
      for (const userId of await whoMaySee(this.ctx.db, row.activity_id, named)) {
        notices.push({
          userId,
          orgId: row.org_id,
          activityId: row.activity_id,
          kind: 'mentioned',
          subjectId: row.comment_id,
          actorId: row.author_id,
          about: row.excerpt,
          key: `mentioned:${row.activity_id}:${row.comment_id}:${userId}`,
          at,
        });
      }
    }
    await this.ctx.db.transaction(async (tx) => {
      await writeNotices(tx, notices);
      await tx.run(`DELETE FROM comment_mentions WHERE id <= ?`, [rows.at(-1)!.id]);
    });
    return true;
  }

  /** One batch of notices not yet told, in the order they were written. False when none waited. */
  private async tellSome(): Promise<boolean> {
    const rows = await this.ctx.db.all<UntoldRow>(
      `SELECT n.id, n.user_id, n.org_id, n.activity_id, n.kind, n.key, a.title, u.name AS actor_name, n.actor_id, n.about,
              COALESCE(r.deadline, (SELECT ai.due FROM action_items ai WHERE n.kind = 'action_due' AND ai.activity_id = n.activity_id AND ai.item_id = n.subject_id LIMIT 1)) AS deadline,
              s.time_zone
         FROM activity_notices n JOIN activities a ON a.id = n.activity_id
         LEFT JOIN users u ON u.id = n.actor_id
         LEFT JOIN polls p ON n.kind IN ('vote_opening', 'vote_closing') AND p.id = n.subject_id
         LEFT JOIN poll_rounds r ON r.poll_id = p.id AND r.round = p.round
         LEFT JOIN sms_settings s ON s.org_id = n.org_id
        WHERE n.told_at IS NULL ORDER BY n.id LIMIT ?`,
      [noticesPerBatch],
    );
    for (const row of rows) {
      if (this.stopping) return false;
      try {
        await this.tell(row);
      } catch (err) {
        if (err instanceof Refusal && err.code === ErrorCode.rateLimited) {
          this.fullUntil = new Date(this.ctx.now().getTime() + fullWaitMs).toISOString();
          this.ctx.log.warn({ notice: row.id }, 'notices wait: the organisation’s mail queue is full');
          return false;
        }
        this.ctx.log.error({ err, notice: row.id, kind: row.kind }, 'could not send a notice by e-mail or SMS');
      }
      await this.ctx.db.run('UPDATE activity_notices SET told_at = ? WHERE id = ?', [this.ctx.now().toISOString(), row.id]);
    }
    return rows.length === noticesPerBatch;
  }

  /** E-mail and SMS as the person chose, if they may still see the activity and had fewer than `noticesByMailPerDay` today. */
  private async tell(row: UntoldRow) {
    if ((await whoMaySee(this.ctx.db, row.activity_id, [row.user_id])).length === 0) return;
    const now = this.ctx.now().getTime();
    if (this.mailed.waitFor(row.user_id, now) > 0) {
      this.ctx.log.warn({ notice: row.id, kind: row.kind }, 'notice kept in the bell only: its person had their notices by e-mail and SMS for the day');
      return;
    }
    const facts = { kind: row.kind, activityTitle: row.title, actorName: row.actor_name, about: row.about, deadline: row.deadline, timeZone: row.time_zone ?? 'Europe/Paris' };
    await notify(this.ctx, {
      orgId: row.org_id,
      userId: row.user_id,
      kind: row.kind,
      key: `notice:${row.key}`,
      activityId: row.activity_id,
      requestedBy: row.actor_id,
      write: (lang) => {
        const words = noticeWords(facts, lang);
        return { title: words.title, lines: words.lines, link: activityLink(this.ctx.config.publicUrl ?? '', row.activity_id) };
      },
      sms: { kind: `notices.${row.kind}`, urgent: false, text: (lang) => noticeWords(facts, lang).sms },
    });
    this.mailed.take(row.user_id, now);
  }
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
