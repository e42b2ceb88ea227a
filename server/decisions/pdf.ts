import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DecisionRecord } from '#core/api/decisions';
import { decisionMarkdown } from '#core/decisions/markdown';

const pageSize: [number, number] = [595.28, 841.89]; // A4, in points
const margin = 56;

/**
 * The decision record as a PDF: the same content as the Markdown export, laid out in
 * Helvetica on A4. The standard fonts encode WinAnsi only: other characters are written
 * as "?" rather than failing the export.
 */
export async function decisionPdf(record: DecisionRecord, now: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Decision: ${record.activityTitle}`);
  doc.setSubject(record.question);
  doc.setProducer('Conclave');
  doc.setCreator('Conclave');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const fonts = { body: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const writer = new PageWriter(doc, fonts);
  for (const line of decisionMarkdown(record).split('\n')) {
    if (line.startsWith('# ')) writer.paragraph(line.slice(2), fonts.bold, 18);
    else if (line.startsWith('## ')) writer.paragraph(line.slice(3), fonts.bold, 13, 8);
    else if (line.startsWith('### ')) writer.paragraph(line.slice(4), fonts.bold, 11, 4);
    else if (line.startsWith('- ')) writer.paragraph(`•  ${line.slice(2)}`, fonts.body, 10, 0, 12);
    else if (line === '') writer.gap(4);
    else writer.paragraph(line.replace(/\*\*?/g, ''), fonts.body, 10);
  }
  return doc.save();
}

class PageWriter {
  private page: PDFPage;
  private y: number;
  private readonly encodable = new Map<string, boolean>();

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

  paragraph(text: string, font: PDFFont, size: number, before = 0, indent = 0) {
    this.y -= before;
    const width = pageSize[0] - 2 * margin - indent;
    for (const line of this.wrap(this.safe(text, font), font, size, width)) {
      if (this.y - size < margin) {
        this.page = this.doc.addPage(pageSize);
        this.y = pageSize[1] - margin;
      }
      this.y -= size * 1.35;
      this.page.drawText(line, { x: margin + indent, y: this.y, size, font });
    }
  }

  private safe(text: string, font: PDFFont): string {
    let out = '';
    for (const ch of text) {
      const key = `${font.name}:${ch}`;
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

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !current) current = candidate;
      else {
        lines.push(current);
        current = word;
      }
      // A single word wider than the line is cut.
      while (font.widthOfTextAtSize(current, size) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > width) cut -= 1;
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
  }
}
