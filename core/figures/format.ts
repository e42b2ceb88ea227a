import { weekdayOf, type Day } from './days.ts';

/**
 * Figures as executives read them: `1,23 M€`, `−2,1 %`, `+3,4 %` in French, `€1.23M`,
 * `-2.1%`, `+3.4%` in English.
 *
 * Two targets, because the characters French typography wants are not in the GSM-7
 * alphabet: the minus sign U+2212 and the narrow no-break space U+202F would each turn
 * a whole SMS into UCS-2 (70 characters per SMS instead of 160, so often two SMS
 * instead of one). So:
 * - `display` (the app: tables, chart, alerts) uses U+2212 and U+202F;
 * - `sms` (the text that is really sent, and so its preview) uses the hyphen-minus and
 *   an ordinary space, both GSM-7. `€` is GSM-7 too (an escape pair: two septets).
 */
export type FigureLocale = 'fr' | 'en';
export type FormatTarget = 'display' | 'sms';

export interface NumberStyle {
  locale: FigureLocale;
  target: FormatTarget;
}

export interface FigureUnitStyle {
  /** A currency (EUR, €, USD, $, GBP, £) or any unit ("spectateurs", "pts"); '' for none. */
  unit: string;
  /** Digits after the decimal mark. */
  decimals: number;
  /** 1 234 567 → 1,23 M (k, M, Md / k, M, bn). */
  compact: boolean;
}

const currencySymbols: Record<string, string> = { EUR: '€', '€': '€', USD: '$', $: '$', GBP: '£', '£': '£' };

const marks = {
  fr: { decimal: ',', group: { display: '\u202f', sms: ' ' }, scales: ['', 'k', 'M', 'Md'], na: 'n/d' },
  en: { decimal: '.', group: { display: ',', sms: ',' }, scales: ['', 'k', 'M', 'bn'], na: 'n/a' },
} as const;

const space = { display: '\u202f', sms: ' ' } as const;
const minus = { display: '\u2212', sms: '-' } as const;

export function currencySymbol(unit: string): string | null {
  return currencySymbols[unit.trim().toUpperCase()] ?? currencySymbols[unit.trim()] ?? null;
}

/** Digits of |value| rounded to `decimals`, grouped by thousands, with the locale's marks. */
function digits(abs: number, decimals: number, style: NumberStyle): string {
  const fixed = abs.toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const group = marks[style.locale].group[style.target];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${marks[style.locale].decimal}${fraction}`;
}

/** A rounding that treats 1.005 as 1.01, as a person would. */
function rounded(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((Math.abs(value) + Number.EPSILON * Math.abs(value)) * f) / f;
}

/** The scale (0 = units, 1 = thousands, …) a compact number is shown in. */
function scaleOf(abs: number, decimals: number): number {
  let scale = abs >= 1e9 ? 3 : abs >= 1e6 ? 2 : abs >= 1e4 ? 1 : 0;
  // 999 999 at two decimals reads 1 000,00 k: show it as 1,00 M.
  while (scale > 0 && scale < 3 && rounded(abs / 1000 ** scale, decimals) >= 1000) scale++;
  return scale;
}

/** A figure's value with its unit: `1,23 M€`, `12 340 €`, `4,52 M spectateurs`, `€1.23M`. */
export function formatValue(value: number, unitStyle: FigureUnitStyle, style: NumberStyle): string {
  if (!Number.isFinite(value)) return marks[style.locale].na;
  const scale = unitStyle.compact ? scaleOf(Math.abs(value), unitStyle.decimals) : 0;
  const decimals = scale === 0 && unitStyle.compact && Number.isInteger(value) ? 0 : unitStyle.decimals;
  const abs = rounded(value / 1000 ** scale, decimals);
  const sign = value < 0 && abs !== 0 ? minus[style.target] : '';
  const number = digits(abs, decimals, style);
  const suffix = marks[style.locale].scales[scale] ?? '';
  const symbol = currencySymbol(unitStyle.unit);
  const sp = space[style.target];
  if (style.locale === 'en') {
    if (symbol) return `${sign}${symbol}${number}${suffix}`;
    return `${sign}${number}${suffix}${unitStyle.unit ? ` ${unitStyle.unit}` : ''}`;
  }
  const unit = symbol ?? unitStyle.unit;
  if (!unit) return `${sign}${number}${suffix ? `${sp}${suffix}` : ''}`;
  // "1,23 M€" (scale and symbol joined), "12 340 €", "4,52 M spectateurs".
  if (symbol) return `${sign}${number}${sp}${suffix}${unit}`;
  return `${sign}${number}${sp}${suffix ? `${suffix} ` : ''}${unit}`;
}

/** A gap in percent, always signed: `+3,4 %`, `−2,1 %`, `0,0 %`; `n/d` when unknown. */
export function formatPercent(percent: number | null, style: NumberStyle, decimals = 1): string {
  if (percent === null || !Number.isFinite(percent)) return marks[style.locale].na;
  const abs = rounded(percent, decimals);
  const sign = abs === 0 ? '' : percent < 0 ? minus[style.target] : '+';
  const number = digits(abs, decimals, style);
  return style.locale === 'fr' ? `${sign}${number}${space[style.target]}%` : `${sign}${number}%`;
}

const weekdays = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `22/11` in French, `22 Nov` in English. */
export function formatDay(day: Day, locale: FigureLocale): string {
  const [, month, date] = day.split('-');
  if (locale === 'fr') return `${date}/${month}`;
  return `${Number(date)} ${monthsEn[Number(month) - 1] ?? ''}`;
}

export function formatWeekday(day: Day, locale: FigureLocale): string {
  return weekdays[locale][weekdayOf(day)] ?? '';
}

/** The figure locale of an organisation's locale tag (`fr`, `fr-FR`, `en-GB`…). */
export function figureLocaleOf(locale: string | null | undefined): FigureLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
