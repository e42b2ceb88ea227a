/**
 * One option per person ("single" polls): counts, shares and the winner under the
 * poll's rule.
 *
 * - `plurality`: the option with the most votes wins.
 * - `majority`: the option with the most votes wins only if it has more than half of
 *   the votes cast; otherwise nothing is decided.
 *
 * Ties are never broken here: every option tied at the top is listed in `winners`, and
 * `decided` is false, so the facilitator sees the tie and settles it openly.
 */
export type SingleRule = 'plurality' | 'majority';

export interface OptionTally {
  option: string;
  votes: number;
  /** votes / total, 0 when nobody voted. */
  share: number;
}

export interface SingleResult {
  kind: 'single';
  rule: SingleRule;
  total: number;
  /** In the order the options were listed. */
  counts: OptionTally[];
  winners: string[];
  decided: boolean;
}

export function tallySingle(options: readonly string[], choices: readonly string[], rule: SingleRule): SingleResult {
  const votes = new Map(options.map((o) => [o, 0]));
  for (const choice of choices) {
    const current = votes.get(choice);
    if (current === undefined) throw new Error(`"${choice}" is not one of the options`);
    votes.set(choice, current + 1);
  }
  const total = choices.length;
  const counts = options.map((option) => {
    const n = votes.get(option) ?? 0;
    return { option, votes: n, share: total === 0 ? 0 : n / total };
  });
  const top = Math.max(0, ...counts.map((c) => c.votes));
  const winners = top === 0 ? [] : counts.filter((c) => c.votes === top).map((c) => c.option);
  const clearWinner = winners.length === 1;
  const decided = clearWinner && (rule === 'plurality' || top * 2 > total);
  return { kind: 'single', rule, total, counts, winners, decided };
}
