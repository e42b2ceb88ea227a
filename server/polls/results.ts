import type { AttachedResult } from '#core/api/decisions';
import type { EstimateSummary } from '#core/methods/delphi';
import { tallyPoll, type PollResult } from '#core/methods/tally';
import type { Queries } from '../store/db.ts';
import { ballotsOf, roundsOf, type PollRecord } from './records.ts';

/**
 * A poll's result for the decision record: its last revealed round (with the rounds
 * before it, for estimates' convergence). Sealed rounds are never counted.
 */
export async function attachedResult(db: Queries, poll: PollRecord): Promise<AttachedResult> {
  const rounds = (await roundsOf(db, poll.id)).filter((r) => r.revealedAt !== null);
  let result: PollResult | null = null;
  let previousEstimate: EstimateSummary | null = null;
  for (const r of rounds) {
    const ballots = await ballotsOf(db, poll.id, r.round);
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
  }
  return { pollId: poll.id, kind: poll.kind, question: poll.definition.question, rounds: rounds.length, result };
}
