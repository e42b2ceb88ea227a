import type { Ballot } from '#core/api/polls';
import type { EstimateSummary } from '#core/methods/delphi';
import { tallyPoll, type PollResult } from '#core/methods/tally';
import type { Queries } from '../store/db.ts';
import { ballotsOf, type PollRecord } from './records.ts';

/** What a revealed round's ballots give a poll view: the count, and (named polls) who chose what. */
export interface CountedRound {
  result: PollResult;
  /** Named polls only: each voter's ballot, and its canonical text (to tell who changed their input). */
  choices: { voterId: string; ballot: Ballot; text: string }[];
}

/** Ballots kept counted at most, all polls together: past it the oldest counts are dropped. */
const maxBallotsHeld = 200_000;

/**
 * Counted rounds, kept per state of the poll. A revealed round's ballots never change
 * (input after the reveal goes to a new round), so its count is computed once — 20,000
 * ranked ballots are read and counted on the first read, not on every read. The state
 * includes the facilitator's answers to consent blocks (their number, latest time and
 * size), which change a consent round's outcome. Owned by the polls module; bounded by
 * the number of ballots held.
 */
export class Tallies {
  private readonly counted = new Map<string, { round: CountedRound; ballots: number }>();
  private held = 0;

  /** `secret`: the relay's key, which opens sealed anonymous ballots (sealing.ts). */
  constructor(private readonly secret: Buffer | null) {}

  async round(
    db: Queries,
    poll: PollRecord,
    round: number,
    previousEstimate: EstimateSummary | null,
    canonical: (ballot: Ballot) => string,
  ): Promise<CountedRound> {
    const stamp = await db.get<{ n: number; last: string | null; size: number | null }>(
      'SELECT COUNT(*) AS n, MAX(answered_at) AS last, SUM(LENGTH(answer)) AS size FROM poll_block_answers WHERE poll_id = ? AND round = ?',
      [poll.id, round],
    );
    const key = `${poll.id}:${round}:${stamp?.n ?? 0}:${stamp?.last ?? ''}:${stamp?.size ?? 0}`;
    const known = this.counted.get(key);
    if (known) {
      // Most recently used last: the oldest is dropped first.
      this.counted.delete(key);
      this.counted.set(key, known);
      return known.round;
    }
    const ballots = await ballotsOf(db, poll.id, round, this.secret);
    const rows = await db.all<{ ballot_key: string; answer: string }>(
      'SELECT ballot_key, answer FROM poll_block_answers WHERE poll_id = ? AND round = ?',
      [poll.id, round],
    );
    const answers = new Map(rows.map((r) => [r.ballot_key, r.answer]));
    const counted: CountedRound = {
      result: tallyPoll(poll.definition, ballots, { round, answers, previousEstimate }),
      choices: poll.anonymous
        ? []
        : ballots.flatMap((b) => (b.voterId ? [{ voterId: b.voterId, ballot: b.ballot, text: canonical(b.ballot) }] : [])),
    };
    this.remember(key, counted, ballots.length);
    return counted;
  }

  private remember(key: string, round: CountedRound, ballots: number) {
    for (const [old, entry] of this.counted) {
      if (old.split(':').slice(0, 2).join(':') === key.split(':').slice(0, 2).join(':') || this.held + ballots > maxBallotsHeld) {
        this.counted.delete(old);
        this.held -= entry.ballots;
      }
    }
    if (ballots > maxBallotsHeld) return;
    this.counted.set(key, { round, ballots });
    this.held += ballots;
  }
}
