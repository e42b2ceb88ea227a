/**
 * A CSV text as rows of cells, for showing it as a table: the separator is the one of
 * `;`, `,` and tab the first line uses most outside quotes (a French Excel writes `;`),
 * "quoted ""fields""" may hold separators and line breaks. Bounded: at most `maxRows`
 * rows of `maxColumns` cells are kept, and `truncated` says more was there.
 */
export interface CsvTable {
  rows: string[][];
  separator: string;
  truncated: boolean;
}

export function guessSeparator(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of text.slice(0, 64 * 1024)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

export function parseCsv(input: string, maxRows = 1000, maxColumns = 50): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const separator = guessSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let truncated = false;
  const endCell = () => {
    if (row.length < maxColumns) row.push(cell);
    else truncated = true;
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      if (rows.length >= maxRows) {
        truncated = i + 1 < text.length;
        return { rows, separator, truncated };
      }
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) endRow();
  return { rows, separator, truncated };
}
