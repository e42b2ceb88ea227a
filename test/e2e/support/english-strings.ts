import type { Page } from '@playwright/test';
import { commentTexts } from '../../../core/campaigns/comment-texts.ts';
import { pageTexts } from '../../../core/campaigns/page-texts.ts';
import { profileTexts } from '../../../core/campaigns/profile-texts.ts';
import { defaultStageNames } from '../../../core/ideas/stages.ts';
import { catalogues } from '../../../renderer/i18n/messages/index.ts';

/**
 * The English a French person must never meet (issue 13, finding 3): the English
 * dictionaries' own words, the app's catalogues and the texts the relay and the public
 * campaign page write themselves (core/campaigns, the funnel's default stage names), and the
 * few English labels libraries put on the page. Each message's literal text (between its ICU
 * arguments, or a text function's arguments), kept when it does not read the same in French
 * (nor appear in any French message). Phrases of
 * two words or more, and single words of five letters or more, are looked for anywhere;
 * shorter single words ("Undo", "Line") as whole words, unless French uses the same word.
 */
const hole = '\u0000';

/** Every text of a dictionary: its strings, and its text functions called with holes for arguments. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    // With holes for its arguments; and with 1 when that reads otherwise (a count's singular: "1 idea").
    const text = value as (...args: unknown[]) => unknown;
    const [holes, one] = [text(hole, hole, hole), text(1, 1, 1)];
    if (typeof holes !== 'string') return [];
    return typeof one === 'string' && one !== holes.replaceAll(hole, '1') ? [holes, one] : [holes];
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

/** English the libraries write on the page themselves, with no way to pass them the person's language. */
const librariesEnglish = [
  'Typeahead menu', // Lexical's mention menu (@lexical/react LexicalMenu): the label of its listbox
];

export function englishStrings(): { phrases: string[]; words: string[] } {
  const literal = (message: string) =>
    message
      .replace(/\{[^{}]*\{[^{}]*\}[^{}]*\}/g, hole) // a plural or select: its branches are checked on their own screens
      .replace(/\{[^{}]*\}/g, hole)
      .split(hole)
      .map((part) => part.replace(/[\s.,:;!?()—–…'"-]+$/u, '').replace(/^[\s.,:;!?()—–…'"-]+/u, '').trim());
  const relayTexts = (lang: 'en' | 'fr') => [pageTexts[lang], profileTexts[lang], commentTexts[lang], defaultStageNames[lang]].flatMap(textsOf);
  const french = [...Object.values(catalogues.fr), ...relayTexts('fr')].join('\n');
  const frenchWords = new Set(french.split(/[^\p{L}]+/u));
  const found = new Set<string>();
  const words = new Set<string>();
  for (const message of [...Object.values(catalogues.en), ...relayTexts('en')]) {
    for (const part of literal(message)) {
      if (part.includes('{') || part.includes('}')) continue;
      if (part.includes(' ') || part.length >= 5) {
        if (!french.includes(part)) found.add(part);
      } else if (/^\p{Lu}?\p{Ll}{2,3}$/u.test(part) && !frenchWords.has(part) && !frenchWords.has(part.toLowerCase())) words.add(part);
    }
  }
  return { phrases: [...found, ...librariesEnglish], words: [...words] };
}

/** Everything a person reads on the page: its text, and the names, placeholders and titles of its controls. */
export const readable = (page: Page) =>
  page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });

/** The English strings met in `text` on the screen `screen`, each with what surrounds it. */
export function englishIn(screen: string, text: string, english: ReturnType<typeof englishStrings>): string[] {
  const met: string[] = [];
  const found = (phrase: string, at: number) =>
    met.push(`${screen}: "${phrase}" in "…${text.slice(Math.max(0, at - 30), at + phrase.length + 30).replace(/\s+/g, ' ')}…"`);
  for (const phrase of english.phrases) {
    const at = text.indexOf(phrase);
    if (at >= 0) found(phrase, at);
  }
  for (const word of english.words) {
    // Whole words only: not inside a longer word, nor inside an IANA zone's name (America/New_York).
    const m = new RegExp(`(?<![\\p{L}_/])${word}(?![\\p{L}_/])`, 'u').exec(text);
    if (m) found(word, m.index);
  }
  return met;
}

/** How much wider than the window the page is (0 when it has no horizontal scroll). */
export const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Numbers, dates, plurals and punctuation written the English way: 1,234 · 3.79 · €12 · 2026-12-03 · vote(s) · Question: */
const englishFormats: [string, RegExp][] = [
  // Not 0,145 (a French decimal: no thousands group starts with a lone 0).
  ['an English thousands separator', /(?<![\d.,])(?!0,)\d{1,3}(,\d{3})+(?![\d,])/u],
  // Not a version after a slash (a device's "Mozilla/5.0" in a title).
  ['an English decimal point', /(?<![\d./])\d+\.\d+(?![\d.])/u],
  ['a currency sign before its amount', /[€$£]\s?\d/u],
  // Not one quoted from what the person typed (« 2026-11-31 » n’est pas une date).
  ['an ISO date', /(?<!«\s)\b\d{4}-\d{2}-\d{2}\b/u],
  ['a plural written with (s)', /\p{L}\(s\)/u],
  ['a colon, semicolon, ! or ? without the space French puts before it', /\p{L}[:;!?](?=\s|$)/u],
];

export function formatsIn(screen: string, text: string): string[] {
  return englishFormats.flatMap(([what, pattern]) => {
    const m = pattern.exec(text);
    return m ? [`${screen}: ${what} "${m[0]}" in "…${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ')}…"`] : [];
  });
}
