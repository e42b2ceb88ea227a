import { type Day } from './days.ts';
import { formatDay, formatPercent, formatValue, formatWeekday, type FigureLocale, type FigureUnitStyle } from './format.ts';
import { gapsOf, type DayFigures } from './gaps.ts';

/**
 * The SMS a figure sends, written with placeholders: `{label} {date} : {value}
 * ({vsForecast} vs prévision, {vsLastYear} vs N-1)`. Rendering always uses the `sms`
 * target of format.ts, so the text previewed is the text sent, character for character.
 */
export const placeholders = [
  'label',
  'date',
  'weekday',
  'value',
  'forecast',
  'lastYear',
  'vsForecast',
  'vsLastYear',
  'name',
] as const;
export type Placeholder = (typeof placeholders)[number];

export const defaultTemplates: Record<FigureLocale, string> = {
  fr: '{label} {date} : {value} ({vsForecast} vs prévision, {vsLastYear} vs N-1)',
  en: '{label} {date}: {value} ({vsForecast} vs forecast, {vsLastYear} vs last year)',
};

const slot = /\{([A-Za-z]+)\}/g;

/** What is wrong with a template, or an empty list. */
export function templateErrors(template: string): string[] {
  const errors: string[] = [];
  if (template.trim().length === 0) errors.push('the template is empty');
  for (const m of template.matchAll(slot)) {
    const name = m[1] ?? '';
    if (!(placeholders as readonly string[]).includes(name)) {
      errors.push(`unknown placeholder {${name}}: use ${placeholders.map((p) => `{${p}}`).join(', ')}`);
    }
  }
  if (!/\{value\}/.test(template)) errors.push('the template must show the value: add {value}');
  return [...new Set(errors)];
}

export interface RenderInput {
  template: string;
  locale: FigureLocale;
  /** The figure's short SMS label (or its label). */
  label: string;
  unit: FigureUnitStyle;
  day: Day;
  figures: DayFigures;
  /** The recipient's name; `{name}` shows the first word of it. */
  recipientName?: string;
}

export function placeholderValues(input: RenderInput): Record<Placeholder, string> {
  const style = { locale: input.locale, target: 'sms' } as const;
  const gaps = gapsOf(input.figures);
  const optional = (v: number | null) => (v === null ? (input.locale === 'fr' ? 'n/d' : 'n/a') : formatValue(v, input.unit, style));
  return {
    label: input.label,
    date: formatDay(input.day, input.locale),
    weekday: formatWeekday(input.day, input.locale),
    value: formatValue(input.figures.value, input.unit, style),
    forecast: optional(input.figures.forecast),
    lastYear: optional(input.figures.lastYear),
    vsForecast: formatPercent(gaps.vsForecast, style),
    vsLastYear: formatPercent(gaps.vsLastYear, style),
    name: (input.recipientName ?? '').trim().split(/\s+/)[0] ?? '',
  };
}

/** The exact SMS text for one recipient. Unknown placeholders are left as typed. */
export function renderTemplate(input: RenderInput): string {
  const values = placeholderValues(input);
  return input.template
    .replace(slot, (whole, name: string) =>
      (placeholders as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
    )
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
