/**
 * The weighted decision matrix: options × criteria. The facilitator gives each
 * criterion a weight; each member scores every option on every criterion, privately,
 * on the poll's scale (0–10 unless said).
 *
 * - Weights are normalised to sum to 1: weight ÷ sum of weights (a zero weight is
 *   allowed, but not all zero).
 * - For each option and criterion, the group's score is the mean of the members'
 *   scores; its *contribution* to the option is normalised weight × mean score.
 * - An option's total is the sum of its contributions, on the same scale as the scores.
 *
 * Options are ranked by total; totals within 1e-9 of each other are equal (floating
 * point), and every option equal to the best total is a winner.
 */
export interface Criterion {
  label: string;
  weight: number;
}

/** scores[option][criterion] */
export type MatrixBallot = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface Scale {
  min: number;
  max: number;
}

export interface CriterionContribution {
  criterion: string;
  meanScore: number;
  contribution: number;
}

export interface MatrixOptionResult {
  option: string;
  total: number;
  contributions: CriterionContribution[];
}

export interface MatrixResult {
  kind: 'matrix';
  ballots: number;
  weights: { criterion: string; weight: number; normalised: number }[];
  /** Best total first; equal totals keep the listed order. */
  ranking: MatrixOptionResult[];
  winners: string[];
  decided: boolean;
}

const epsilon = 1e-9;

export function normaliseWeights(criteria: readonly Criterion[]) {
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (!(sum > 0) || criteria.some((c) => c.weight < 0 || !Number.isFinite(c.weight))) {
    throw new Error('criterion weights must be at least 0, and not all 0');
  }
  return criteria.map((c) => ({ criterion: c.label, weight: c.weight, normalised: c.weight / sum }));
}

/** Why a matrix ballot is not acceptable for this poll, or null: every cell, in scale. */
export function checkMatrixBallot(
  options: readonly string[],
  criteria: readonly Criterion[],
  scale: Scale,
  ballot: MatrixBallot,
): string | null {
  for (const option of Object.keys(ballot)) if (!options.includes(option)) return `"${option}" is not one of the options`;
  for (const option of options) {
    const row = ballot[option];
    if (!row) return `score "${option}" on every criterion`;
    for (const key of Object.keys(row)) {
      if (!criteria.some((c) => c.label === key)) return `"${key}" is not one of the criteria`;
    }
    for (const { label } of criteria) {
      const score = row[label];
      if (score === undefined) return `score "${option}" on "${label}"`;
      if (!Number.isFinite(score) || score < scale.min || score > scale.max) {
        return `the score of "${option}" on "${label}" must be between ${scale.min} and ${scale.max}`;
      }
    }
  }
  return null;
}

export function tallyMatrix(
  options: readonly string[],
  criteria: readonly Criterion[],
  ballots: readonly MatrixBallot[],
): MatrixResult {
  const weights = normaliseWeights(criteria);
  const results = options.map((option) => {
    const contributions = weights.map(({ criterion, normalised }) => {
      const scores = ballots.map((b) => b[option]?.[criterion]).filter((s): s is number => s !== undefined);
      const meanScore = scores.length === 0 ? 0 : scores.reduce((s, x) => s + x, 0) / scores.length;
      return { criterion, meanScore, contribution: normalised * meanScore };
    });
    return { option, total: contributions.reduce((s, c) => s + c.contribution, 0), contributions };
  });
  const ranking = [...results].sort((a, b) => (Math.abs(b.total - a.total) < epsilon ? 0 : b.total - a.total));
  const best = ranking[0]?.total ?? 0;
  const winners = ballots.length === 0 ? [] : ranking.filter((r) => Math.abs(r.total - best) < epsilon).map((r) => r.option);
  return { kind: 'matrix', ballots: ballots.length, weights, ranking, winners, decided: winners.length === 1 };
}
