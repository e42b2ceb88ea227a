import { describe, expect, it } from 'vitest';
import { cleanText, hasVisible, lineText, linesText } from '#core/text/clean';

describe('cleanText', () => {
  it('drops NUL, C0 and C1 controls and every bidi control; keeps newline and tab only in texts of several lines', () => {
    const raw = 'a\u0000b\u0007c\u0085d\u009Be\u202Ef\u2066g\u2069h\u200Fi\u061Cj\r\nk\tl';
    expect(cleanText(raw, 'lines')).toBe('abcdefghij\nk\tl');
    expect(cleanText(raw, 'line')).toBe('abcdefghij  k l');
  });

  it('keeps what people write: accents, emoji with joiners, right-to-left scripts', () => {
    for (const s of ['Chloé Pétit', '👩‍💻 équipe', 'שלום עולם', 'می‌خواهم']) expect(cleanText(s, 'line')).toBe(s);
  });

  it('a name of invisible characters only is refused; blank is left to min()', () => {
    expect(hasVisible('\u200B\u200D')).toBe(false);
    expect(lineText().min(1).safeParse('\u200B\u2060').success).toBe(false);
    expect(lineText().min(1).safeParse(' \uFEFF ').success).toBe(false);
    expect(lineText().min(1).safeParse('\u202E').success).toBe(false);
    expect(linesText().parse('  Ana\u202E\n')).toBe('Ana');
    expect(lineText().optional().parse(undefined)).toBeUndefined();
  });
});
