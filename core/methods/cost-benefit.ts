import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { OrderKey } from './order.ts';

/**
 * Cost/benefit: per option, lines of costs and benefits, each an amount in a currency's
 * minor units (whole cents), a probability (0–100 %) and how often it falls (once, every
 * month, every year). Over the board's horizon (months), an option's expected value is
 * the sum of amount × probability × occurrences; its payback is the first month by which
 * the expected recurring net covers the expected one-off net cost. Figures of one option
 * are kept apart by currency (no conversion). Sums are exact (BigInt, in hundredths of
 * a minor unit); only the results are rounded, half away from zero.
 */
export const maxAmount = 1_000_000_000_000; // minor units: ten billion euros
export const Amount = z.int().min(0).max(maxAmount);
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'a currency is its ISO 4217 code, such as EUR');
export const Probability = z.int().min(0).max(100);
export const Recurrence = z.enum(['once', 'monthly', 'yearly']);
export type Recurrence = z.infer<typeof Recurrence>;
export const CostSide = z.enum(['cost', 'benefit']);
export type CostSide = z.infer<typeof CostSide>;
export const Horizon = z.int().min(1).max(600);
export const defaultHorizon = 12;
export const LineLabel = z.string().trim().min(1, 'a line needs a label').max(200, 'a label has at most 200 characters');
export const CostOptionLabel = z.string().trim().min(1, 'an option needs a label').max(200, 'an option label has at most 200 characters');

export const CostBenefitOption = z.strictObject({ id: Id, label: CostOptionLabel, order: OrderKey });
export type CostBenefitOption = z.infer<typeof CostBenefitOption>;

export const CostBenefitLine = z.strictObject({
  id: Id,
  optionId: Id,
  side: CostSide,
  label: LineLabel,
  amount: Amount,
  currency: Currency,
  probability: Probability,
  recurrence: Recurrence,
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
});
export type CostBenefitLine = z.infer<typeof CostBenefitLine>;

/** One option's expected figures in one currency, in minor units (rounded), and its payback in months (null: never within reach). */
export interface OptionFigures {
  optionId: string;
  label: string;
  currency: string;
  costs: number;
  benefits: number;
  net: number;
  paybackMonths: number | null;
}

/** How many times a line falls within `horizon` months: once; every month; every year, the first at the start. */
export function occurrences(recurrence: Recurrence, horizon: number): number {
  return recurrence === 'once' ? 1 : recurrence === 'monthly' ? horizon : Math.ceil(horizon / 12);
}

/** n / d rounded to the nearest whole, half away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): number {
  const q = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return Number(n < 0n ? -q : q);
}

/** n / d rounded up (n ≥ 0, d > 0). */
const divideUp = (n: bigint, d: bigint) => Number((n + d - 1n) / d);

/** Expected figures of each option, per currency its lines use, options in the given order. */
export function optionFigures(options: readonly CostBenefitOption[], lines: readonly CostBenefitLine[], horizon: number): OptionFigures[] {
  const out: OptionFigures[] = [];
  for (const option of options) {
    const mine = lines.filter((l) => l.optionId === option.id);
    const currencies = [...new Set(mine.map((l) => l.currency))].sort();
    for (const currency of currencies) {
      // In hundredths of a minor unit (amount × probability): exact.
      let costs = 0n;
      let benefits = 0n;
      let upfront = 0n; // one-off costs less one-off benefits
      let yearlyNet = 0n; // recurring benefits less costs, per year (a month's × 12, a year's × 1)
      for (const line of mine.filter((l) => l.currency === currency)) {
        const expected = BigInt(line.amount) * BigInt(line.probability);
        const total = expected * BigInt(occurrences(line.recurrence, horizon));
        const sign = line.side === 'benefit' ? 1n : -1n;
        if (line.side === 'cost') costs += total;
        else benefits += total;
        if (line.recurrence === 'once') upfront -= sign * expected;
        else yearlyNet += sign * expected * (line.recurrence === 'monthly' ? 12n : 1n);
      }
      const paybackMonths = upfront <= 0n ? 0 : yearlyNet <= 0n ? null : divideUp(upfront * 12n, yearlyNet);
      out.push({
        optionId: option.id,
        label: option.label,
        currency,
        costs: divideRounded(costs, 100n),
        benefits: divideRounded(benefits, 100n),
        net: divideRounded(benefits - costs, 100n),
        paybackMonths,
      });
    }
  }
  return out;
}

/** Digits after the decimal point in `currency` (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount as typed ("1234.5", "1 234,50", "1,234.50") in minor units of `currency`, or
 * null when it is not one: at most the currency's decimals, no sign, within bounds, and
 * never a lone separator before three digits ("1.234": thousands or decimals?).
 */
export function toMinorUnits(typed: string, currency: string): number | null {
  const text = typed.replace(/[\s\u00a0\u202f']/g, '');
  const m = /^(\d{1,3}(?:([.,])\d{3})*|\d+)(?:([.,])(\d+))?$/.exec(text);
  if (!m || text.length > 24) return null;
  if (m[2] && m[3] === m[2]) return null; // "1.234.5": the separator of thousands again as the decimal point
  // "1.234" or "12,345" alone: thousands or decimals? Refused rather than guessed (1,000 times off).
  if (m[2] && !m[3] && m[1]!.split(m[2]).length === 2) return null;
  const digits = minorDigits(currency);
  const whole = m[1]!.replace(/[.,]/g, '');
  const fraction = m[4] ?? '';
  if (fraction.length > digits) return null;
  const units = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(units) && units <= maxAmount ? units : null;
}

/** Minor units as the locale writes the currency: 123456 EUR → "€1,234.56" / "1 234,56 €". */
export function formatMoney(units: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(units / 10 ** digits);
}
