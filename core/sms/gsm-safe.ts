import { isGsmCharacter } from './gsm7.ts';

/**
 * Typographic look-alikes that force a whole message into UCS-2 (70 characters per SMS
 * instead of 160), with the GSM-7 characters that read the same. French accents the
 * GSM alphabet has (é è à ù É Ç ì ò) are left alone; those it lacks (ê â î ô û ë ï ç)
 * are not look-alikes and are kept too: only the person may decide to drop an accent.
 */
const lookAlikes: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201a': "'", // ‚
  '\u2032': "'", // ′
  '\u00b4': "'", // ´
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201e': '"', // „
  '\u00ab': '"', // «
  '\u00bb': '"', // »
  '\u2033': '"', // ″
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2212': '-', // −
  '\u2010': '-', // ‐
  '\u2011': '-', // ‑
  '\u2026': '...', // …
  '\u00a0': ' ', // no-break space
  '\u202f': ' ', // narrow no-break space (French thin space before ; : ! ?)
  '\u2009': ' ', // thin space
  '\u2007': ' ', // figure space
  '\u2022': '-', // •
  '\u00b7': '.', // ·
  '\u0153': 'oe', // œ
  '\u0152': 'OE', // Œ
  '\u2122': 'TM', // ™
};

export interface GsmSafeRewrite {
  text: string;
  /** What was replaced, once per distinct character. */
  replaced: { from: string; to: string }[];
}

/** Replaces look-alikes by their GSM-7 equivalents; everything else stays as typed. */
export function gsmSafe(text: string): GsmSafeRewrite {
  const replaced = new Map<string, string>();
  let out = '';
  for (const char of text) {
    const to = isGsmCharacter(char) ? undefined : lookAlikes[char];
    if (to === undefined) out += char;
    else {
      out += to;
      replaced.set(char, to);
    }
  }
  return { text: out, replaced: [...replaced].map(([from, to]) => ({ from, to })) };
}
