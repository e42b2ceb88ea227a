/**
 * Delphi estimates: each member gives a number and a reason, sealed; the reveal shows
 * the median, the interquartile range and the reasons, without names; further rounds
 * show how far the group converged.
 *
 * Quantiles use linear interpolation between order statistics (Hyndman & Fan type 7:
 * the default of R, NumPy and spreadsheet QUARTILE.INC). For sorted values x₀…xₙ₋₁ and
 * a probability p, h = (n − 1)·p and Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 * So the median of an even count is the mean of the middle two, and the IQR of one
 * value is 0.
 */
export interface EstimateSummary {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  iqr: number;
}

export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no values');
  if (p < 0 || p > 1) throw new Error('p must be between 0 and 1');
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower] ?? 0;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)] ?? below;
  return below + (h - lower) * (above - below);
}

/** The summary of one round's estimates; null when nobody estimated. */
export function summariseEstimates(values: readonly number[]): EstimateSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    n: sorted.length,
    min: sorted[0] ?? 0,
    q1,
    median: quantile(sorted, 0.5),
    q3,
    max: sorted[sorted.length - 1] ?? 0,
    iqr: q3 - q1,
  };
}

export interface Convergence {
  /** IQR of this round minus IQR of the previous one: negative when the group converged. */
  iqrChange: number;
  /** IQR of this round ÷ IQR of the previous one; null when the previous IQR was 0. */
  iqrRatio: number | null;
  medianShift: number;
  /** True when the spread narrowed. */
  converged: boolean;
}

export function convergence(previous: EstimateSummary, current: EstimateSummary): Convergence {
  return {
    iqrChange: current.iqr - previous.iqr,
    iqrRatio: previous.iqr === 0 ? null : current.iqr / previous.iqr,
    medianShift: current.median - previous.median,
    converged: current.iqr < previous.iqr,
  };
}

export interface EstimateResult {
  kind: 'estimate';
  round: number;
  summary: EstimateSummary | null;
  /** The reasons given, sorted alphabetically: their order says nothing of who wrote them. */
  reasons: string[];
  /** Against the previous round; null in the first round or when either is empty. */
  convergence: Convergence | null;
}

export function tallyEstimates(
  round: number,
  estimates: readonly { value: number; reason: string }[],
  previous: EstimateSummary | null,
): EstimateResult {
  const summary = summariseEstimates(estimates.map((e) => e.value));
  const reasons = estimates.map((e) => e.reason).sort((a, b) => a.localeCompare(b));
  return {
    kind: 'estimate',
    round,
    summary,
    reasons,
    convergence: summary && previous ? convergence(previous, summary) : null,
  };
}
