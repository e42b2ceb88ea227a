import { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionRecord } from '#core/api/decisions';
import { decisionPdf } from '../../../../server/decisions/pdf.ts';

const record = (rationale: string): DecisionRecord => ({
  id: 'd1',
  organization: 'Maison Durand',
  activityId: 'a1',
  activityTitle: 'Next store',
  question: 'Where do we open the next store?',
  outcome: 'Lyon',
  chosenOption: 'Lyon',
  rationale,
  dissent: null,
  reviewDate: null,
  results: [],
  publishedBy: { userId: 'u1', name: 'Fiona Facilitator' },
  publishedAt: '2026-12-04T10:00:00.000Z',
  recipients: [],
  ratings: { count: 0, mean: null, mine: null, comments: [] },
});

/**
 * Counts the characters the PDF export measures, and stops it once it has measured
 * more than `budget` (a cubic wrap would run for minutes: fail at once instead).
 */
function countMeasuredCharacters(budget: number) {
  const measured = { characters: 0 };
  const original = PDFFont.prototype.widthOfTextAtSize;
  vi.spyOn(PDFFont.prototype, 'widthOfTextAtSize').mockImplementation(function (this: PDFFont, text: string, size: number) {
    measured.characters += text.length;
    if (measured.characters > budget) throw new Error(`measured more than ${budget} characters`);
    return original.call(this, text, size);
  });
  return measured;
}

describe('the decision PDF', () => {
  afterEach(() => vi.restoreAllMocks());

  it('wraps a 20,000-character word by measuring each character a bounded number of times (linear, not every prefix)', async () => {
    // Letters in no short period, so that no two lines' prefixes are the same string: a wrap
    // measuring every prefix is counted in full even behind a cache of widths.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const word = Array.from({ length: 19_000 }, () => letters[next() % 26]).join('') + 'ÿ'.repeat(1_000);
    const text = `Because ${word} and that is all.`;
    const measured = countMeasuredCharacters(4 * text.length + 10_000);
    const pdf = await PDFDocument.load(await decisionPdf(record(text), new Date('2026-12-04T10:00:00Z')));
    // About 100 characters fit on a line: 20,000 characters take some 200 lines, 4 pages.
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(measured.characters).toBeLessThanOrEqual(4 * text.length + 10_000);
  });

  it('still breaks between words where it can, and cuts only the word wider than a line', async () => {
    const drawn: string[] = [];
    const draw = PDFPage.prototype.drawText;
    vi.spyOn(PDFPage.prototype, 'drawText').mockImplementation(function (this: PDFPage, text, options) {
      drawn.push(text);
      return draw.call(this, text, options);
    });
    const long = 'y'.repeat(250);
    await decisionPdf(record(`short words first then ${long} tail`), new Date('2026-12-04T10:00:00Z'));
    const first = drawn.findIndex((l) => l.startsWith('short'));
    const lines = drawn.slice(first, drawn.findIndex((l) => l.endsWith('tail')) + 1);
    expect(lines[0]).toBe('short words first then');
    expect(lines.join('')).toBe(`short words first then${long} tail`.replace(/ (?=y)/, ''));
    expect(lines.slice(1, -1).every((l) => /^y+$/.test(l))).toBe(true);
  });
});
