import type { RankingBallot } from './ranking.ts';

/**
 * Instant-runoff voting (IRV).
 *
 * Each round, every ballot counts for its highest-ranked option still in the race. A
 * ballot whose ranked options have all been eliminated is *exhausted*: it counts for no
 * one and no longer counts towards the majority. An option with more than half of the
 * continuing (non-exhausted) ballots wins; so does the last option left. Otherwise the
 * option with the fewest votes is eliminated and the next round is counted.
 *
 * Ties for elimination are broken, in this order:
 *  1. backwards through earlier rounds: among the tied options, the one with fewer
 *     votes in the latest earlier round where they differ is eliminated;
 *  2. if they were tied in every round, the option listed *last* by the facilitator
 *     is eliminated (the listed order is fixed before anyone votes).
 * A round decided by rule 2 is marked `tieBrokenByOrder`, so the record says so.
 */
export interface RunoffRound {
  /** Votes per option still in the race, in the listed order. */
  votes: Record<string, number>;
  exhausted: number;
  continuing: number;
  /** The option eliminated at the end of this round; null in the final round. */
  eliminated: string | null;
  tieBrokenByOrder: boolean;
}

export interface RunoffResult {
  kind: 'ranking';
  rule: 'instant-runoff';
  ballots: number;
  rounds: RunoffRound[];
  winners: string[];
  decided: boolean;
}

export function tallyInstantRunoff(options: readonly string[], ballots: readonly RankingBallot[]): RunoffResult {
  const rounds: RunoffRound[] = [];
  const active = new Set(options);
  if (ballots.length === 0) return { kind: 'ranking', rule: 'instant-runoff', ballots: 0, rounds, winners: [], decided: false };

  for (;;) {
    const votes: Record<string, number> = {};
    for (const option of options) if (active.has(option)) votes[option] = 0;
    let exhausted = 0;
    for (const ballot of ballots) {
      const choice = ballot.find((option) => active.has(option));
      if (choice === undefined) exhausted += 1;
      else votes[choice] = (votes[choice] ?? 0) + 1;
    }
    const continuing = ballots.length - exhausted;
    const round: RunoffRound = { votes, exhausted, continuing, eliminated: null, tieBrokenByOrder: false };
    rounds.push(round);

    const leader = Object.entries(votes).find(([, n]) => n * 2 > continuing);
    if (leader) return finish(ballots.length, rounds, leader[0]);
    if (active.size === 1) return finish(ballots.length, rounds, [...active][0] ?? '');

    const { loser, byOrder } = pickLoser(options, active, rounds);
    round.eliminated = loser;
    round.tieBrokenByOrder = byOrder;
    active.delete(loser);
  }
}

function finish(total: number, rounds: RunoffRound[], winner: string): RunoffResult {
  return { kind: 'ranking', rule: 'instant-runoff', ballots: total, rounds, winners: [winner], decided: true };
}

function pickLoser(options: readonly string[], active: Set<string>, rounds: RunoffRound[]) {
  const votesIn = (round: RunoffRound, option: string) => round.votes[option] ?? 0;
  let tied = [...active];
  for (let r = rounds.length - 1; r >= 0 && tied.length > 1; r -= 1) {
    const round = rounds[r];
    if (!round) break;
    const fewest = Math.min(...tied.map((o) => votesIn(round, o)));
    tied = tied.filter((o) => votesIn(round, o) === fewest);
  }
  if (tied.length === 1) return { loser: tied[0] ?? '', byOrder: false };
  const lastListed = [...options].reverse().find((o) => tied.includes(o)) ?? '';
  return { loser: lastListed, byOrder: true };
}
