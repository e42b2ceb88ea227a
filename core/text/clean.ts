import { z } from 'zod';

/**
 * One cleaning for every name, title and text people type (issue 11, finding 13).
 *
 * Removed: NUL and the other C0 controls, DEL and the C1 controls (U+0080–U+009F), the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E–U+200F,
 * U+202A–U+202E, U+2066–U+2069): they make a name read backwards or hide part of a
 * title, on screen and in SMS. Tab and newline stay in texts that may have several
 * lines (a carriage return before a newline goes); in one-line names every control
 * whitespace becomes a plain space. Zero-width joiners stay (emoji and some scripts need
 * them), but a name made only of invisible characters is refused.
 */
const bidi = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
const alwaysRemoved = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${bidi}]`, 'gu');
const lineBreaks = /[\t\n\r\v\f]/g;

export function cleanText(text: string, shape: 'line' | 'lines'): string {
  if (shape === 'line') return text.replace(lineBreaks, ' ').replace(alwaysRemoved, '');
  return text.replace(/\r\n?/g, '\n').replace(alwaysRemoved, '');
}

/** Characters that show nothing: spaces, zero-width characters, the byte order mark. */
const invisible = /^[\s\u200B-\u200D\u2060\uFEFF\u180E]*$/u;

/** True when the text shows at least one character. */
export const hasVisible = (text: string) => !invisible.test(text);

const visibleMessage = 'it cannot be made only of invisible characters';

/** A one-line name or title: cleaned, trimmed, and never only invisible characters. Chain `.min()`/`.max()`. */
export const lineText = (options?: { error?: string }) =>
  z
    .string(options)
    .overwrite((s) => cleanText(s, 'line'))
    .trim()
    .refine((s) => s === '' || hasVisible(s), visibleMessage);

/** A text of several lines (keeps newlines and tabs): cleaned, trimmed, never only invisible characters. */
export const linesText = (options?: { error?: string }) =>
  z
    .string(options)
    .overwrite((s) => cleanText(s, 'lines'))
    .trim()
    .refine((s) => s === '' || hasVisible(s), visibleMessage);
