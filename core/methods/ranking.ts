/**
 * Ranked ballots: each person orders the options, best first. A ballot may rank only
 * some of the options (a "truncated" ballot); it never ranks one twice.
 */
export type RankingBallot = readonly string[];

/** Why a ranked ballot is not acceptable for this poll, or null when it is. */
export function checkRankingBallot(options: readonly string[], ballot: RankingBallot): string | null {
  if (ballot.length === 0) return 'rank at least one option';
  const seen = new Set<string>();
  for (const option of ballot) {
    if (!options.includes(option)) return `"${option}" is not one of the options`;
    if (seen.has(option)) return `"${option}" is ranked twice`;
    seen.add(option);
  }
  return null;
}

export interface BordaTally {
  option: string;
  points: number;
  /** How many ballots put this option first. */
  firsts: number;
}

export interface BordaResult {
  kind: 'ranking';
  rule: 'borda';
  ballots: number;
  /** Most points first; equal points keep the listed order. */
  ranking: BordaTally[];
  winners: string[];
  decided: boolean;
}

/**
 * The Borda count. With n options, a ballot gives n−1 points to its first choice, n−2
 * to its second, and so on down to 0; options a truncated ballot leaves unranked get 0
 * from it. (So ranking fewer options never gives them more weight than a full ranking
 * would.) Every option tied on points at the top is a winner; `decided` only when one.
 */
export function tallyBorda(options: readonly string[], ballots: readonly RankingBallot[]): BordaResult {
  const n = options.length;
  const tallies = options.map((option) => ({ option, points: 0, firsts: 0 }));
  const byOption = new Map(tallies.map((t) => [t.option, t]));
  for (const ballot of ballots) {
    ballot.forEach((option, position) => {
      const tally = byOption.get(option);
      if (!tally) throw new Error(`"${option}" is not one of the options`);
      tally.points += n - 1 - position;
      if (position === 0) tally.firsts += 1;
    });
  }
  const ranking = [...tallies].sort((a, b) => b.points - a.points); // stable: listed order on ties
  const top = ranking[0]?.points ?? 0;
  const winners = ballots.length === 0 ? [] : ranking.filter((t) => t.points === top).map((t) => t.option);
  return { kind: 'ranking', rule: 'borda', ballots: ballots.length, ranking, winners, decided: winners.length === 1 };
}
