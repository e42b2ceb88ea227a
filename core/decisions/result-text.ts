import IntlMessageFormat from 'intl-messageformat';
import { decisionMessagesEn, type DecisionMessageKey } from './messages.en.ts';
import { decisionMessagesFr } from './messages.fr.ts';
import type { ResultLine } from './result-lines.ts';

export type DecisionLocale = 'en' | 'fr';

/** Formats one message with plain values: the renderer's `t`, or `translator(locale)` on the relay. */
export type FormatMessage = (key: DecisionMessageKey, values: Record<string, string | number>) => string;

const messages: Record<DecisionLocale, Record<DecisionMessageKey, string>> = { en: decisionMessagesEn, fr: decisionMessagesFr };

/** A language tag's supported language, or null ("fr-CA" → fr, "de" → null). */
export function decisionLocaleOf(tag: string | null | undefined): DecisionLocale | null {
  const base = tag?.trim().toLowerCase().slice(0, 2);
  return base === 'fr' || base === 'en' ? base : null;
}

const formats = new Map<string, IntlMessageFormat>();

/** The ICU formatter of the record's messages in `locale` (each message parsed once). */
export function translator(locale: DecisionLocale): FormatMessage {
  return (key, values) => {
    const id = `${locale}:${key}`;
    let format = formats.get(id);
    if (!format) {
      format = new IntlMessageFormat(messages[locale][key], locale);
      formats.set(id, format);
    }
    return String(format.format(values));
  };
}

/** One result line as text; a list value becomes its lines' texts joined by commas. */
export function lineText(line: ResultLine, format: FormatMessage): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(line.values)) {
    values[name] = typeof value === 'string' || typeof value === 'number' ? value : value.map((part) => lineText(part, format)).join(', ');
  }
  return format(line.key, values);
}
