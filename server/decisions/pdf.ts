import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { DecisionRecord } from '#core/api/decisions';
import { decisionMarkdown } from '#core/decisions/markdown';
import { translator, type DecisionLocale } from '#core/decisions/result-text';
import { cachedWidths, wrapText, type CharWidth } from './wrap.ts';

const pageSize: [number, number] = [595.28, 841.89]; // A4, in points
const margin = 56;

/** Lines drawn between two turns of the event loop (a line costs a fraction of a millisecond). */
const linesPerTurn = 25;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The decision record as a PDF: the same content as the Markdown export (so bounded as
 * it is), laid out in Helvetica on A4. The standard fonts encode WinAnsi only: other
 * characters are written as "?" rather than failing the export. Lines are wrapped in
 * linear time (wrap.ts) and drawn a few dozen at a time, giving the event loop back in
 * between, and the file is written the same way (`objectsPerTick`), so no export holds
 * the relay however long the record.
 */
export async function decisionPdf(record: DecisionRecord, now: Date, locale: DecisionLocale = 'en'): Promise<Uint8Array> {
  // Loaded on the first PDF asked for, not at the relay's start (pdf-lib is some seventy modules).
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(translator(locale)('record.title', { title: record.activityTitle }));
  doc.setSubject(record.question);
  doc.setProducer('Conclave');
  doc.setCreator('Conclave');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const fonts = { body: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const writer = new PageWriter(doc, fonts);
  // French numbers and dates carry narrow no-break spaces ("50 %"), outside WinAnsi: a no-break space reads the same.
  for (const line of decisionMarkdown(record, locale).replace(/\u202f/g, '\u00a0').split('\n')) {
    if (line.startsWith('# ')) await writer.paragraph(line.slice(2), fonts.bold, 18);
    else if (line.startsWith('## ')) await writer.paragraph(line.slice(3), fonts.bold, 13, 8);
    else if (line.startsWith('### ')) await writer.paragraph(line.slice(4), fonts.bold, 11, 4);
    else if (line.startsWith('- ')) await writer.paragraph(`•  ${line.slice(2)}`, fonts.body, 10, 0, 12);
    else if (line === '') writer.gap(4);
    else await writer.paragraph(line.replace(/\*\*?/g, ''), fonts.body, 10);
  }
  return doc.save({ objectsPerTick: 20 });
}

class PageWriter {
  private page: PDFPage;
  private y: number;
  private readonly encodable = new Map<string, boolean>();
  private readonly measured = new Map<string, CharWidth>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { body: PDFFont; bold: PDFFont },
  ) {
    this.page = doc.addPage(pageSize);
    this.y = pageSize[1] - margin;
  }

  gap(points: number) {
    this.y -= points;
  }

  private drawn = 0;

  async paragraph(text: string, font: PDFFont, size: number, before = 0, indent = 0) {
    this.y -= before;
    const width = pageSize[0] - 2 * margin - indent;
    for (const line of wrapText(this.safe(text, font), this.widths(font, size), width)) {
      if (this.y - size < margin) {
        this.page = this.doc.addPage(pageSize);
        this.y = pageSize[1] - margin;
      }
      this.y -= size * 1.35;
      this.page.drawText(line, { x: margin + indent, y: this.y, size, font });
      if (++this.drawn % linesPerTurn === 0) await nextTurn();
    }
  }

  private widths(font: PDFFont, size: number): CharWidth {
    const key = `${font.name}:${size}`;
    let widths = this.measured.get(key);
    if (!widths) {
      widths = cachedWidths((ch) => font.widthOfTextAtSize(ch, size));
      this.measured.set(key, widths);
    }
    return widths;
  }

  private safe(text: string, font: PDFFont): string {
    let out = '';
    for (const ch of text) {
      const key = font.name + ch;
      let ok = this.encodable.get(key);
      if (ok === undefined) {
        try {
          font.encodeText(ch);
          ok = true;
        } catch {
          ok = false;
        }
        this.encodable.set(key, ok);
      }
      out += ok ? ch : '?';
    }
    return out;
  }
}
