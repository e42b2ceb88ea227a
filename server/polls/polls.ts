import { anonymousRevealMinimum, type CreatePollRequest } from '#core/api/polls';
import { kindTakesRounds, nextRoundMeaning } from '#core/methods/next-round';
import type { PollResult } from '#core/methods/tally';
import type { Caller } from '../accounts/sessions.ts';
import { requireFacilitator } from '../activities/activities.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import { pollToFacilitate } from './access.ts';
import { refuseAnonymousUnsealed } from './anonymity.ts';
import { layOutParticipation } from './participation.ts';
import { ballotsOf } from './records.ts';
import { attachedResult } from './results.ts';
import { ballotKey, ballotNameKey, isSealed, openBallot, sealCheck, shownKey } from './sealing.ts';
import { scheduleVoteNotices } from './vote-notices.ts';

/** Tells the deadline scheduler and the vote notices that a round opened or a deadline moved. */
export type DeadlinesChanged = () => void;

/** A deadline ahead of now, in UTC ISO form so that the store compares deadlines as text. */
function futureDeadline(ctx: Context, deadline: string): string {
  const at = Date.parse(deadline);
  if (at <= ctx.now().getTime()) throw badRequest('deadline: the deadline must be in the future.');
  return new Date(at).toISOString();
}

/**
 * Opens a poll (facilitators only). The schema has checked the question gate's
 * question, options, rule and deadline; here the deadline must lie ahead, and the
 * activity must not be decided. The activity moves on to `deciding`.
 */
export async function createPoll(ctx: Context, caller: Caller, activityId: string, input: CreatePollRequest, changed: DeadlinesChanged) {
  const activity = await requireFacilitator(ctx, caller, activityId);
  if (activity.status === 'decided' || activity.status === 'archived') {
    throw conflict(`This activity is ${activity.status}: no new poll can open.`);
  }
  if (input.anonymous) refuseAnonymousUnsealed(ctx);
  const deadline = futureDeadline(ctx, input.deadline);
  const definition = { ...input, deadline };
  const id = newId();
  const now = ctx.now().toISOString();
  // An anonymous poll keeps which key its ballots are sealed with (ballots.ts refuseUnderAnotherKey).
  const sealed = input.anonymous ? ctx.config.secretKey : null;
  await ctx.db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO polls (id, activity_id, kind, definition, anonymous, status, round, created_by, created_at, seal_check)
       VALUES (?, ?, ?, ?, ?, 'open', 1, ?, ?, ?)`,
      [id, activityId, input.kind, JSON.stringify(definition), input.anonymous ? 1 : 0, caller.id, now, sealed ? sealCheck(ballotKey(sealed), id) : null],
    );
    await tx.run('INSERT INTO poll_rounds (poll_id, round, deadline, opened_at) VALUES (?, 1, ?, ?)', [id, deadline, now]);
    await scheduleVoteNotices(tx, id, 1, now, deadline);
    if (input.anonymous) await layOutParticipation(tx, id, 1, activityId);
    await tx.run(`UPDATE activities SET status = 'deciding', updated_at = ? WHERE id = ? AND status IN ('draft', 'open')`, [
      now,
      activityId,
    ]);
  });
  changed();
  return { id };
}

/**
 * Reveals the current round of a poll, by its facilitator. An anonymous round is not
 * revealed by hand below `anonymousRevealMinimum` ballots: with one or two, the result
 * would tell who chose what. (Its deadline still reveals it.)
 */
export async function revealPoll(ctx: Context, caller: Caller, pollId: string) {
  const { poll } = await pollToFacilitate(ctx, caller, pollId);
  await ctx.db.transaction(async (tx) => {
    const current = await tx.get<{ status: string; round: number }>('SELECT status, round FROM polls WHERE id = ?', [poll.id]);
    if (current?.status !== 'open') throw conflict('This round is already revealed.');
    if (poll.anonymous) {
      const cast = await tx.get<{ n: number }>('SELECT count(*) AS n FROM poll_ballots WHERE poll_id = ? AND round = ?', [poll.id, current.round]);
      if ((cast?.n ?? 0) < anonymousRevealMinimum) {
        throw conflict(
          `An anonymous round can be revealed only once it has at least ${anonymousRevealMinimum} ballots (it has ${cast?.n ?? 0}): ` +
            'fewer would tell who chose what. Wait for more, or let the deadline reveal it.',
        );
      }
      // Sealed ballots the relay cannot open now (another key) are said before anything is revealed.
      await ballotsOf(tx, poll.id, current.round, ctx.config.secretKey);
    }
    await revealRound(tx, poll.id, current.round, ctx.now().toISOString(), caller.id);
  });
}

async function revealRound(tx: Queries, pollId: string, round: number, at: string, by: string | null) {
  await tx.run('UPDATE poll_rounds SET revealed_at = ?, revealed_by = ? WHERE poll_id = ? AND round = ? AND revealed_at IS NULL', [
    at,
    by,
    pollId,
    round,
  ]);
  await tx.run(`UPDATE polls SET status = 'revealed' WHERE id = ? AND status = 'open'`, [pollId]);
}

/**
 * Reveals every round whose deadline has passed; returns the polls revealed. Called by
 * the scheduler, and before any read or vote, so a late timer never leaves a poll
 * sealed past its deadline nor lets a vote in after it.
 */
export async function revealDue(ctx: Context, pollId?: string): Promise<string[]> {
  const now = ctx.now().toISOString();
  // Reads are frequent (clients refresh): take the write lock only when something is due.
  const any = await ctx.db.get(
    'SELECT 1 AS one FROM poll_rounds WHERE revealed_at IS NULL AND deadline <= ? AND (CAST(? AS TEXT) IS NULL OR poll_id = ?) LIMIT 1',
    [now, pollId ?? null, pollId ?? null],
  );
  if (!any) return [];
  return ctx.db.transaction(async (tx) => {
    const due = await tx.all<{ poll_id: string; round: number }>(
      `SELECT poll_id, round FROM poll_rounds WHERE revealed_at IS NULL AND deadline <= ? AND (CAST(? AS TEXT) IS NULL OR poll_id = ?)`,
      [now, pollId ?? null, pollId ?? null],
    );
    for (const { poll_id, round } of due) await revealRound(tx, poll_id, round, now, null);
    return due.map((d) => d.poll_id);
  });
}

/** Opens the next round of a revealed poll (a Delphi round, or a re-vote). */
export async function openRound(ctx: Context, caller: Caller, pollId: string, requested: string, changed: DeadlinesChanged) {
  const { poll } = await pollToFacilitate(ctx, caller, pollId);
  if (!kindTakesRounds(poll.kind)) {
    throw conflict(poll.kind === 'consent' ? 'A consent proposal has one round: answer its blocks, or open a new proposal.' : 'Private-first entries have one round.');
  }
  const deadline = futureDeadline(ctx, requested);
  await ctx.db.transaction(async (tx) => {
    const current = await tx.get<{ status: string; round: number }>('SELECT status, round FROM polls WHERE id = ?', [poll.id]);
    if (current?.status === 'open') throw conflict('This round is still open: reveal it before opening the next one.');
    if (current?.status === 'closed') throw conflict('The decision is published: this poll is closed.');
    // A vote, ranking, dots or scores go round again only to settle a tie or a missing majority.
    const last = poll.kind === 'estimate' ? null : ((await attachedResult(tx, poll, ctx.config.secretKey)).result as PollResult | null);
    if (poll.kind !== 'estimate' && !nextRoundMeaning(poll.definition, last)) {
      throw conflict('This poll is decided: another round would mean nothing. Publish the decision, or open a new poll.');
    }
    const next = (current?.round ?? 0) + 1;
    const openedAt = ctx.now().toISOString();
    await tx.run('INSERT INTO poll_rounds (poll_id, round, deadline, opened_at) VALUES (?, ?, ?, ?)', [poll.id, next, deadline, openedAt]);
    await scheduleVoteNotices(tx, poll.id, next, openedAt, deadline);
    await tx.run(`UPDATE polls SET status = 'open', round = ? WHERE id = ?`, [next, poll.id]);
    if (poll.anonymous) await layOutParticipation(tx, poll.id, next, poll.activityId);
  });
  changed();
}

/** The facilitator's answer to a block in a revealed consent round. */
export async function answerBlock(ctx: Context, caller: Caller, pollId: string, key: string, answer: string) {
  const { poll } = await pollToFacilitate(ctx, caller, pollId);
  if (poll.kind !== 'consent') throw badRequest('Only consent polls have blocks to answer.');
  if (poll.status === 'open') throw conflict('Blocks can be answered once the round is revealed.');
  const text = await blockBallot(ctx, poll.id, poll.round, key);
  if (!text || (JSON.parse(text) as { position?: string }).position !== 'block') {
    throw badRequest('key: no such block in this round.');
  }
  await ctx.db.run(
    `INSERT INTO poll_block_answers (poll_id, round, ballot_key, answer, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (poll_id, round, ballot_key) DO UPDATE SET answer = excluded.answer,
       answered_by = excluded.answered_by, answered_at = excluded.answered_at`,
    [poll.id, poll.round, key, answer, caller.id, ctx.now().toISOString()],
  );
}

/**
 * The ballot a block's `key` names, as text: a ballot stored in clear by its stored key, a
 * sealed one by its shown key (sealing.ts), matched over the round's stored keys without
 * opening the others.
 */
async function blockBallot(ctx: Context, pollId: string, round: number, key: string): Promise<string | null> {
  const secret = ctx.config.secretKey;
  const stored = await ctx.db.get<{ ballot: string }>('SELECT ballot FROM poll_ballots WHERE poll_id = ? AND round = ? AND ballot_key = ?', [
    pollId,
    round,
    key,
  ]);
  if (stored && !isSealed(stored.ballot)) return stored.ballot;
  if (!secret) return null;
  const names = ballotNameKey(secret);
  const keys = await ctx.db.all<{ ballot_key: string }>('SELECT ballot_key FROM poll_ballots WHERE poll_id = ? AND round = ?', [pollId, round]);
  const match = keys.find((k) => shownKey(names, pollId, round, k.ballot_key) === key);
  if (!match) return null;
  const sealed = await ctx.db.get<{ ballot: string }>('SELECT ballot FROM poll_ballots WHERE poll_id = ? AND round = ? AND ballot_key = ?', [
    pollId,
    round,
    match.ballot_key,
  ]);
  return sealed && isSealed(sealed.ballot) ? openBallot(sealed.ballot, ballotKey(secret), pollId, round) : null;
}

/** Publishing a decision closes the activity's polls: open rounds are revealed, no more input. */
export async function closePolls(tx: Queries, activityId: string, at: string, by: string) {
  const open = await tx.all<{ id: string; round: number }>(`SELECT id, round FROM polls WHERE activity_id = ? AND status = 'open'`, [
    activityId,
  ]);
  for (const p of open) await revealRound(tx, p.id, p.round, at, by);
  await tx.run(`UPDATE polls SET status = 'closed' WHERE activity_id = ?`, [activityId]);
}

