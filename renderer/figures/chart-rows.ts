import type { FigureValue } from '#core/api/figures';

export const chartSeries = ['value', 'forecast', 'lastYear'] as const;
export type ChartSeries = (typeof chartSeries)[number];

/**
 * The chart's numbers, once for the canvas and its table: one point per day of `days`
 * and series (null where a day has no value, so the line breaks there), and the days
 * that have a value, newest first, for the table.
 */
export function chartRows(days: readonly string[], values: readonly FigureValue[]) {
  const byDay = new Map(values.map((v) => [v.date, v]));
  const points = Object.fromEntries(chartSeries.map((s) => [s, days.map((day) => byDay.get(day)?.[s] ?? null)])) as Record<ChartSeries, (number | null)[]>;
  const rows = days.flatMap((day) => byDay.get(day) ?? []).reverse();
  const numbers = rows.map((r) => r.value);
  return { points, rows, low: numbers.length ? Math.min(...numbers) : null, high: numbers.length ? Math.max(...numbers) : null };
}

/**
 * The y-axis around the data, not from 0: the lowest and highest point with a tenth of
 * their spread on each side (a flat series gets 5 % of its value), so a day's variation
 * of a few percent is visible. Zero stays the floor only when the data reach it.
 */
export function axisBounds(low: number | null, high: number | null): { min: number; max: number } | null {
  if (low === null || high === null) return null;
  const pad = high > low ? (high - low) / 10 : Math.abs(high) / 20 || 1;
  const min = low >= 0 && low - pad < 0 ? 0 : low - pad;
  return { min, max: high + pad };
}
