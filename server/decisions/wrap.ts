/**
 * Greedy line breaking in linear time, for the PDF export. Each distinct character is
 * measured once (`widthOf` is asked about single characters only), and a line's width is
 * kept as a running sum, so a paragraph costs one pass over its characters whatever its
 * words: a 20,000-character word is cut into lines as it is read, never by trying every
 * prefix. Kerning is left out of the sum: it only narrows text, so a line never overflows.
 */
export type CharWidth = (ch: string) => number;

/** Remembers each character's width: one measurement per character and font size. */
export function cachedWidths(measure: CharWidth): CharWidth {
  const known = new Map<string, number>();
  return (ch) => {
    let width = known.get(ch);
    if (width === undefined) {
      width = measure(ch);
      known.set(ch, width);
    }
    return width;
  };
}

export function wrapText(text: string, widthOf: CharWidth, maxWidth: number): string[] {
  const lines: string[] = [];
  const space = widthOf(' ');
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    let wordWidth = 0;
    for (const ch of word) wordWidth += widthOf(ch);
    if (line !== '' && lineWidth + space + wordWidth <= maxWidth) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    if (wordWidth <= maxWidth) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // A word wider than the line is cut, as many characters per line as fit (at least one).
    let start = 0;
    let index = 0;
    lineWidth = 0;
    for (const ch of word) {
      const w = widthOf(ch);
      if (lineWidth + w > maxWidth && index > start) {
        lines.push(word.slice(start, index));
        start = index;
        lineWidth = 0;
      }
      lineWidth += w;
      index += ch.length;
    }
    line = word.slice(start);
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}
