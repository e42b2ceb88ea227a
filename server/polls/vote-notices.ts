import { effectiveRolesSql } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { writeNotices, type NewNotice } from '../notifications/activity-notices.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import type { Queries } from '../store/db.ts';

/** The reminder goes this long before the deadline, or halfway through a shorter round. */
export const reminderLeadMs = 24 * 3_600_000;
/** People written per transaction, and at most per round and kind (the fan-out of one poll is bounded). */
export const votersPerBatch = 500;
export const votersPerRound = 20_000;
/** Batches per run: between runs the pump runs again at once, the event loop free. */
const batchesPerRun = 10;

/** When a round's "closing soon" reminder is due: `reminderLeadMs` before its deadline, or halfway for a shorter round. */
export function reminderAt(openedAt: string, deadline: string): string {
  const opened = Date.parse(openedAt);
  const end = Date.parse(deadline);
  return new Date(end - Math.min(reminderLeadMs, Math.max(0, Math.floor((end - opened) / 2)))).toISOString();
}

/**
 * In the transaction that opens a round: its "vote opening" notices are due now, its
 * "closing soon" reminder at `reminderAt` (kept in `poll_rounds.remind_at`). The times live
 * in SQLite, so a relay stopped meanwhile writes them at start, once.
 */
export async function scheduleVoteNotices(tx: Queries, pollId: string, round: number, openedAt: string, deadline: string) {
  const remindAt = reminderAt(openedAt, deadline);
  await tx.run('UPDATE poll_rounds SET remind_at = ? WHERE poll_id = ? AND round = ?', [remindAt, pollId, round]);
  await tx.run(
    `INSERT INTO poll_round_notices (poll_id, round, kind, due_at) VALUES (?1, ?2, 'vote_opening', ?3), (?1, ?2, 'vote_closing', ?4) ON CONFLICT DO NOTHING`,
    [pollId, round, openedAt, remindAt],
  );
}

interface Due {
  poll_id: string;
  round: number;
  kind: 'vote_opening' | 'vote_closing';
  cursor: string;
  written: number;
}

interface RoundFacts {
  activity_id: string;
  org_id: string;
  created_by: string;
  definition: string;
  status: string;
  current: number;
  revealed_at: string | null;
  deadline: string;
}

/**
 * Writes vote notices when they fall due (migration 730), as activity notices that the
 * notifications feature then tells by e-mail and SMS as each person chose
 * (notifications/notice-teller.ts). "Vote opening" goes to everyone who may vote but the
 * poll's author; "closing soon" to those who may vote and have not — judged here, on the
 * relay, from the round's participation: nobody else learns from it who voted. Each
 * person once per round and kind (the notice's key); none for a round already revealed.
 * A pump (pump.ts) sleeps until the earliest due time in the store, and looks at least
 * every `CONCLAVE_NOTICES_TICK_MS` (a clock that jumps).
 */
export class VoteNotices {
  private readonly pump: Pump;
  private stopping = false;

  constructor(private readonly ctx: Context) {
    this.pump = new Pump('vote notices', {
      log: ctx.log,
      now: ctx.now,
      everyMs: ctx.config.noticesTickMs,
      next: async () => (await ctx.db.get<{ at: string | null }>('SELECT MIN(due_at) AS at FROM poll_round_notices'))?.at ?? null,
      work: () => this.run(),
      lease: jobLease(ctx, 'vote-notices'),
    });
  }

  start() {
    this.stopping = false;
    return this.pump.start();
  }

  async stop() {
    this.stopping = true;
    await this.pump.stop();
  }

  /** A round opened: its opening notices are due now. */
  wake() {
    this.pump.wake();
  }

  private async run() {
    for (let i = 0; i < batchesPerRun && !this.stopping; i++) {
      const due = await this.ctx.db.get<Due>(
        'SELECT poll_id, round, kind, cursor, written FROM poll_round_notices WHERE due_at <= ? ORDER BY due_at, poll_id, round, kind LIMIT 1',
        [this.ctx.now().toISOString()],
      );
      if (!due) return;
      await this.step(due);
    }
    if (!this.stopping) this.pump.wake();
  }

  /** One batch of people for one round and kind, committed with where it stopped. */
  private async step(due: Due) {
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    const facts = await db.get<RoundFacts>(
      `SELECT p.activity_id, a.org_id, p.created_by, p.definition, p.status, p.round AS current, r.revealed_at, r.deadline
         FROM polls p JOIN activities a ON a.id = p.activity_id JOIN poll_rounds r ON r.poll_id = p.id AND r.round = ?
        WHERE p.id = ?`,
      [due.round, due.poll_id],
    );
    const key = [due.poll_id, due.round, due.kind];
    const forget = 'DELETE FROM poll_round_notices WHERE poll_id = ? AND round = ? AND kind = ?';
    if (!facts || facts.status !== 'open' || facts.current !== due.round || facts.revealed_at !== null || facts.deadline <= now) {
      await db.run(forget, key);
      return;
    }
    const opening = due.kind === 'vote_opening';
    const people = await db.all<{ user_id: string }>(
      `SELECT e.user_id FROM (${effectiveRolesSql}) e JOIN users u ON u.id = e.user_id
        WHERE e.role IN ('contributor', 'facilitator') AND u.disabled_at IS NULL AND u.erased_at IS NULL AND e.user_id > ?2
          AND (?3 = 0 OR e.user_id <> ?4)
          AND (?3 = 1 OR NOT EXISTS (SELECT 1 FROM poll_participants v WHERE v.poll_id = ?5 AND v.round = ?6 AND v.user_id = e.user_id AND v.voted = 1))
        ORDER BY e.user_id LIMIT ?7`,
      [facts.activity_id, due.cursor, opening ? 1 : 0, facts.created_by, due.poll_id, due.round, votersPerBatch],
    );
    const taken = people.slice(0, Math.max(0, votersPerRound - due.written));
    const question = questionOf(facts.definition);
    const notices: NewNotice[] = taken.map(({ user_id }) => ({
      userId: user_id,
      orgId: facts.org_id,
      activityId: facts.activity_id,
      kind: due.kind,
      subjectId: due.poll_id,
      actorId: opening ? facts.created_by : null,
      about: question,
      key: `${due.kind}:${due.poll_id}:${due.round}:${user_id}`,
      at: now,
    }));
    const last = people.length < votersPerBatch || due.written + taken.length >= votersPerRound;
    await db.transaction(async (tx) => {
      await writeNotices(tx, notices);
      if (!last) {
        await tx.run('UPDATE poll_round_notices SET cursor = ?, written = written + ? WHERE poll_id = ? AND round = ? AND kind = ?', [taken.at(-1)!.user_id, taken.length, ...key]);
        return;
      }
      await tx.run(forget, key);
      if (!opening) await tx.run('UPDATE poll_rounds SET reminded_at = ? WHERE poll_id = ? AND round = ?', [now, due.poll_id, due.round]);
    });
    if (last && people.length > taken.length) this.ctx.log.warn({ poll: due.poll_id, kind: due.kind, told: votersPerRound }, 'vote notices stop at the bound per round');
    if (notices.length > 0) this.ctx.events.noticesPending();
  }
}

function questionOf(definition: string): string | null {
  try {
    const question = (JSON.parse(definition) as { question?: unknown }).question;
    return typeof question === 'string' ? question.slice(0, 200) : null;
  } catch {
    return null;
  }
}
