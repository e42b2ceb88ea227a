/**
 * How a day's value compares: to its forecast, and to the same day last year, in
 * percent of the reference. No reference (missing, or zero) gives no gap: a gap over
 * zero is not a number anyone should read.
 */
export interface DayFigures {
  value: number;
  forecast: number | null;
  lastYear: number | null;
}

export interface Gaps {
  /** (value − forecast) / |forecast| × 100 */
  vsForecast: number | null;
  /** (value − last year) / |last year| × 100: the growth */
  vsLastYear: number | null;
  /** value − forecast, value − last year, in the figure's unit */
  deltaForecast: number | null;
  deltaLastYear: number | null;
}

export function gapPercent(value: number, reference: number | null): number | null {
  if (reference === null || reference === 0 || !Number.isFinite(reference) || !Number.isFinite(value)) return null;
  return ((value - reference) / Math.abs(reference)) * 100;
}

export function gapsOf(day: DayFigures): Gaps {
  return {
    vsForecast: gapPercent(day.value, day.forecast),
    vsLastYear: gapPercent(day.value, day.lastYear),
    deltaForecast: day.forecast === null ? null : day.value - day.forecast,
    deltaLastYear: day.lastYear === null ? null : day.value - day.lastYear,
  };
}
