/**
 * Money is counted in micro-units of the organisation's currency (1 € = 1,000,000),
 * integers only, so sums over a month never drift.
 */
export const microsPerUnit = 1_000_000;

export function costOf(segments: number, pricePerSegmentMicros: number): number {
  return segments * pricePerSegmentMicros;
}

export interface BudgetCheck {
  allowed: boolean;
  /** What this message would cost, and what the month has cost so far. */
  cost: number;
  spent: number;
  budget: number | null;
}

/** A monthly budget of null means unlimited; otherwise spent + cost must stay within it. */
export function checkBudget(spent: number, cost: number, budget: number | null): BudgetCheck {
  return { allowed: budget === null || spent + cost <= budget, cost, spent, budget };
}

/** "0,0725 €" style display, in the organisation's locale. */
export function formatMoney(micros: number, currency = 'EUR', locale = 'fr-FR'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 4 }).format(
    micros / microsPerUnit,
  );
}

/** The month a moment belongs to, as YYYY-MM in UTC, for budgets. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}
