/**
 * Dot voting: each person spreads up to N dots over the options, several on one option
 * if they like (up to the poll's per-option cap).
 *
 * Options are ranked by dots; ties on dots are ranked by how many people put at least
 * one dot on the option (broad support first), then by the order they were listed.
 * Every option tied on dots at the top is a winner; `decided` only when there is one.
 */
export type DotsBallot = Readonly<Record<string, number>>;

export interface DotsTally {
  option: string;
  dots: number;
  /** How many people put at least one dot on this option. */
  supporters: number;
}

export interface DotsResult {
  kind: 'dots';
  voters: number;
  totalDots: number;
  /** Ranked: most dots first. */
  ranking: DotsTally[];
  winners: string[];
  decided: boolean;
}

/** Why a dots ballot is not acceptable for this poll, or null when it is. */
export function checkDotsBallot(
  options: readonly string[],
  ballot: DotsBallot,
  dotsPerPerson: number,
  maxPerOption: number | null,
): string | null {
  let spent = 0;
  for (const [option, dots] of Object.entries(ballot)) {
    if (!options.includes(option)) return `"${option}" is not one of the options`;
    if (!Number.isInteger(dots) || dots < 0) return `dots on "${option}" must be a whole number of at least 0`;
    if (maxPerOption !== null && dots > maxPerOption) return `at most ${maxPerOption} dots on one option`;
    spent += dots;
  }
  if (spent === 0) return 'place at least one dot';
  if (spent > dotsPerPerson) return `${spent} dots placed, but each person has ${dotsPerPerson}`;
  return null;
}

export function tallyDots(options: readonly string[], ballots: readonly DotsBallot[]): DotsResult {
  const tallies = options.map((option) => ({ option, dots: 0, supporters: 0 }));
  const byOption = new Map(tallies.map((t) => [t.option, t]));
  let totalDots = 0;
  for (const ballot of ballots) {
    for (const [option, dots] of Object.entries(ballot)) {
      const tally = byOption.get(option);
      if (!tally) throw new Error(`"${option}" is not one of the options`);
      tally.dots += dots;
      if (dots > 0) tally.supporters += 1;
      totalDots += dots;
    }
  }
  const order = new Map(options.map((o, i) => [o, i]));
  const ranking = [...tallies].sort(
    (a, b) => b.dots - a.dots || b.supporters - a.supporters || (order.get(a.option) ?? 0) - (order.get(b.option) ?? 0),
  );
  const top = ranking[0]?.dots ?? 0;
  const winners = top === 0 ? [] : ranking.filter((t) => t.dots === top).map((t) => t.option);
  return { kind: 'dots', voters: ballots.length, totalDots, ranking, winners, decided: winners.length === 1 };
}
