import { ErrorCode } from '#core/api/errors';
import type { Ballot } from '#core/api/polls';
import { checkBallot } from '#core/methods/tally';
import type { Caller } from '../accounts/sessions.ts';
import { may } from '../activities/access.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { conflict, forbidden, Refusal } from '../errors.ts';
import { refuseAnonymousUnsealed } from './anonymity.ts';
import { largestBallot } from './ballot-size.ts';
import { markVoted } from './participation.ts';
import type { Queries } from '../store/db.ts';
import type { PollRecord } from './records.ts';
import { ballotKey, isSealed, openBallot, sealBallot, sealCheck } from './sealing.ts';

/**
 * Stores a person's input (vote, scores, position, estimate) in the open round.
 *
 * - Only contributors and facilitators take part; viewers read.
 * - In a named poll, sending again before the reveal replaces one's input; after the
 *   reveal, input changes only in a new round.
 * - In an anonymous poll, the ballot is stored with a random key and no voter, and
 *   participation is a flag flipped in a row laid out when the round opened
 *   (`participation.ts`); the WAL is emptied after each such vote. Nothing links them,
 *   not even the file's layout, so a ballot cannot be found again to be replaced — it
 *   is final, and a second one is refused. With the relay's secret key, the ballot is
 *   sealed (sealing.ts): on PostgreSQL, whose store links the two rows, that is the promise.
 */
export async function castBallot(ctx: Context, caller: Caller, poll: PollRecord, role: Parameters<typeof may.edit>[0], ballot: Ballot) {
  if (!may.edit(role)) throw forbidden('Only contributors and facilitators take part in polls; viewers follow them.');
  const unfit = checkBallot(poll.definition, ballot);
  if (unfit) throw new Refusal(ErrorCode.validation, unfit, [{ path: '', message: unfit }]);
  const text = JSON.stringify(ballot);
  await ctx.db.transaction(async (tx) => {
    const current = await tx.get<{ status: string; round: number }>('SELECT status, round FROM polls WHERE id = ?', [poll.id]);
    if (current?.status === 'closed') throw conflict('The decision is published: this poll is closed.');
    if (current?.status !== 'open') throw conflict('This round is revealed: input can change only in a new round.');
    const round = current.round;
    if (poll.anonymous) {
      refuseAnonymousUnsealed(ctx);
      if (ctx.config.secretKey) await refuseUnderAnotherKey(ctx, tx, poll.id, ballotKey(ctx.config.secretKey));
      if (!(await markVoted(tx, poll.id, round, poll.activityId, caller.id))) {
        throw conflict('You have voted in this anonymous poll: an anonymous ballot cannot be changed.');
      }
      await tx.run('INSERT INTO poll_ballots (poll_id, round, ballot_key, voter_id, ballot) VALUES (?, ?, ?, NULL, ?)', [
        poll.id,
        round,
        newId(),
        ctx.config.secretKey ? sealBallot(text, ballotKey(ctx.config.secretKey), poll.id, round, largestBallot(poll.definition)) : text,
      ]);
      return;
    }
    await tx.run('INSERT INTO poll_participants (poll_id, round, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [poll.id, round, caller.id]);
    await tx.run(
      `INSERT INTO poll_ballots (poll_id, round, ballot_key, voter_id, ballot) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (poll_id, round, ballot_key) DO UPDATE SET ballot = excluded.ballot`,
      [poll.id, round, caller.id, caller.id, text],
    );
  });
  // The WAL would otherwise keep the pages before and after this vote side by side.
  if (poll.anonymous) await ctx.db.checkpoint();
}

/**
 * In the vote's transaction: refuses an anonymous ballot the relay would seal under another
 * key than the poll's (its key changed, or nodes were given different keys), as the round
 * would hold ballots no key counts together and an anonymous ballot cannot be cast again.
 * The poll keeps its key's check (polls.seal_check) from when it opened; a poll older than
 * that check takes the key of its latest sealed ballot, or this relay's if it has none —
 * written here, so two first ballots racing under two keys cannot both be taken (the second
 * transaction finds the first's check, or is retried and does). The voter keeps their vote.
 */
async function refuseUnderAnotherKey(ctx: Context, tx: Queries, pollId: string, key: Buffer) {
  const check = sealCheck(key, pollId);
  const poll = await tx.get<{ seal_check: string | null }>('SELECT seal_check FROM polls WHERE id = ?', [pollId]);
  if (poll?.seal_check === check) return;
  if (poll && poll.seal_check === null) {
    const latest = await tx.get<{ round: number; ballot: string }>('SELECT round, ballot FROM poll_ballots WHERE poll_id = ? ORDER BY round DESC LIMIT 1', [
      pollId,
    ]);
    if (!latest || !isSealed(latest.ballot) || opens(latest.ballot, key, pollId, latest.round)) {
      await tx.run('UPDATE polls SET seal_check = ? WHERE id = ? AND seal_check IS NULL', [check, pollId]);
      return;
    }
  }
  ctx.log.error({ poll: pollId }, 'anonymous ballot refused: this poll was sealed with another CONCLAVE_SECRET_KEY than this relay has');
  throw new Refusal(
    ErrorCode.internal,
    'This poll\u2019s anonymous ballots were sealed with a secret key this relay does not have now (CONCLAVE_SECRET_KEY): your ballot is not ' +
      'taken, as it could not be counted with theirs. Vote again once the relay\u2019s operator has given it its key back.',
  );
}

function opens(stored: string, key: Buffer, pollId: string, round: number): boolean {
  try {
    openBallot(stored, key, pollId, round);
    return true;
  } catch {
    return false;
  }
}
