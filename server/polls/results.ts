import type { AttachedResult, RoundOnRecord } from '#core/api/decisions';
import type { EstimateSummary } from '#core/methods/delphi';
import { tallyPoll, type PollResult } from '#core/methods/tally';
import type { Queries } from '../store/db.ts';
import { ballotsOf, eligibleVoters, participantsOf, roundsOf, type PollRecord } from './records.ts';

/**
 * A poll's result for the decision record: every revealed round with how many took
 * part of how many could (so a Delphi's first round survives an empty last one), and
 * the last revealed round as `result`. Sealed rounds are never counted.
 */
export async function attachedResult(db: Queries, poll: PollRecord, secret: Buffer | null): Promise<AttachedResult> {
  const rounds = (await roundsOf(db, poll.id)).filter((r) => r.revealedAt !== null);
  const eligible = (await eligibleVoters(db, poll.activityId)).length;
  let result: PollResult | null = null;
  let previousEstimate: EstimateSummary | null = null;
  const roundResults: RoundOnRecord[] = [];
  for (const r of rounds) {
    const ballots = await ballotsOf(db, poll.id, r.round, secret);
    const answers = new Map(
      (
        await db.all<{ ballot_key: string; answer: string }>(
          'SELECT ballot_key, answer FROM poll_block_answers WHERE poll_id = ? AND round = ?',
          [poll.id, r.round],
        )
      ).map((a) => [a.ballot_key, a.answer]),
    );
    result = tallyPoll(poll.definition, ballots, { round: r.round, answers, previousEstimate });
    if (result.kind === 'estimate') previousEstimate = result.summary;
    roundResults.push({ round: r.round, participants: (await participantsOf(db, poll.id, r.round)).length, eligible, result });
  }
  return { pollId: poll.id, kind: poll.kind, question: poll.definition.question, rounds: rounds.length, result, roundResults };
}
