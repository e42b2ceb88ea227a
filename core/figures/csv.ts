import { isDay, type Day } from './days.ts';

/**
 * Daily values from a spreadsheet export. The first line names the columns:
 * `date` and `value` are required; `forecast`, `lastYear` and `figure` (a label, for
 * a file holding several figures) are optional. French aliases are read too
 * (`valeur`, `prevision`, `n-1`, `indicateur`). The separator is found on the header
 * (`;` as French Excel writes, `,` or a tab); with `;` or a tab, a decimal comma is
 * accepted. Dates are YYYY-MM-DD or DD/MM/YYYY.
 *
 * All or nothing: any bad row makes the whole file refused, each problem given with
 * its line number (1 = the header) and as a code with its particulars (the column as the
 * file names it, the text read), so that nothing half-imported is left to clean up and
 * each problem reads in the person's language.
 */
export interface CsvRow {
  line: number;
  figure: string | null;
  date: Day;
  value: number;
  forecast: number | null;
  lastYear: number | null;
}

/**
 * What can be wrong in a file, as a code with its parameters: the app words it in the
 * person's language (errors.*.ts, `error.csv.<code>`); `reason` is the relay's English.
 */
export const csvProblemWords = {
  empty: () => 'the file is empty: the first line must name the columns (date;value;forecast;lastYear)',
  unknownColumn: (p) => `unknown column "${p.column}": use date, value, forecast, lastYear, figure`,
  missingColumn: (p) => `the column "${p.column}" is missing`,
  tooManyRows: (p) => `at most ${p.max} rows per file`,
  emptyLine: () => 'empty line',
  openQuote: () => 'a quote is not closed',
  columnCount: (p) => `${p.found} columns where the header has ${p.expected}`,
  notADate: (p) => `"${p.text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
  notANumber: (p) => `${p.column} "${p.text}" is not a number`,
  duplicate: (p) => `${p.day}${p.figure ? ` for "${p.figure}"` : ''} is already on line ${p.earlier}`,
  noRows: () => 'no rows under the header',
  emptyFigure: () => 'the figure is empty',
  noFigureChosen: () => 'no figure column, and no figure chosen',
  unknownFigure: (p) => `no figure named "${p.figure}"`,
  otherFigure: (p) => `"${p.figure}" is not the figure being imported`,
  notAllowed: (p) => `the API key "${p.key}" may not write this figure (scope figures:write on other figures)`,
} as const satisfies Record<string, (params: CsvProblemParams) => string>;

export type CsvProblemCode = keyof typeof csvProblemWords;
export type CsvProblemParams = Readonly<Record<string, string | number>>;

export interface CsvProblem {
  line: number;
  code: CsvProblemCode;
  /** The problem's particulars (`column`, `text`, `day`…), without the line. */
  params: CsvProblemParams;
  /** In English, for the relay's message and logs. */
  reason: string;
}

export function csvProblem(line: number, code: CsvProblemCode, params: CsvProblemParams = {}): CsvProblem {
  return { line, code, params, reason: csvProblemWords[code](params) };
}

export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; problems: CsvProblem[] };

export const maxCsvRows = 20_000;
const maxProblems = 20;

const aliases: Record<string, 'date' | 'value' | 'forecast' | 'lastYear' | 'figure'> = {
  date: 'date',
  jour: 'date',
  day: 'date',
  value: 'value',
  valeur: 'value',
  realise: 'value',
  forecast: 'forecast',
  prevision: 'forecast',
  objectif: 'forecast',
  budget: 'forecast',
  lastyear: 'lastYear',
  n1: 'lastYear',
  anneeprecedente: 'lastYear',
  figure: 'figure',
  indicateur: 'figure',
  label: 'figure',
};

function headerKey(cell: string) {
  const plain = cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return aliases[plain];
}

/** Splits one line on `sep`, honouring "quoted ""fields""". Returns null on an open quote. */
function cells(line: string, sep: string): string[] | null {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (c === sep) {
      out.push(current.trim());
      current = '';
    } else current += c;
  }
  if (quoted) return null;
  out.push(current.trim());
  return out;
}

/** "1 234,56" (decimal comma allowed) or "1234.56"; spaces of any kind group digits. */
export function readNumber(text: string, decimalComma: boolean): number | null {
  let t = text.replace(/[\s\u00a0\u202f\u2009']/g, '').replace(/^\u2212/, '-');
  if (decimalComma && /^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && Math.abs(n) < 1e15 ? n : null;
}

function readDate(text: string): Day | null {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const day = french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : text;
  return isDay(day) ? day : null;
}

export function parseFiguresCsv(text: string): CsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const header = lines[0] ?? '';
  if (header.trim() === '') return { ok: false, problems: [csvProblem(1, 'empty')] };
  const sep = [';', '\t', ','].find((s) => header.includes(s)) ?? ',';
  const decimalComma = sep !== ',';
  const names = cells(header, sep) ?? [];
  const columns = names.map(headerKey);
  const problems: CsvProblem[] = [];
  names.forEach((name, i) => {
    if (!columns[i]) problems.push(csvProblem(1, 'unknownColumn', { column: name }));
  });
  for (const need of ['date', 'value'] as const) {
    if (!columns.includes(need)) problems.push(csvProblem(1, 'missingColumn', { column: need }));
  }
  if (problems.length > 0) return { ok: false, problems };
  if (lines.length - 1 > maxCsvRows) return { ok: false, problems: [csvProblem(maxCsvRows + 2, 'tooManyRows', { max: maxCsvRows })] };

  const rows: CsvRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length && problems.length < maxProblems; i++) {
    const line = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '') {
      problems.push(csvProblem(line, 'emptyLine'));
      continue;
    }
    const parts = cells(raw, sep);
    if (!parts) {
      problems.push(csvProblem(line, 'openQuote'));
      continue;
    }
    if (parts.length !== columns.length) {
      problems.push(csvProblem(line, 'columnCount', { found: parts.length, expected: columns.length }));
      continue;
    }
    const at = (key: string) => columns.indexOf(key as (typeof columns)[number]);
    const get = (key: string) => parts[at(key)] ?? '';
    const row = readRow(get, (key) => names[at(key)] ?? key, decimalComma, columns.includes('figure'));
    if ('code' in row) {
      problems.push(csvProblem(line, row.code, row.params));
      continue;
    }
    const key = `${row.figure ?? ''}\u0000${row.date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(csvProblem(line, 'duplicate', { day: row.date, figure: row.figure ?? '', earlier }));
      continue;
    }
    seen.set(key, line);
    rows.push({ ...row, line });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [csvProblem(2, 'noRows')] };
  return { ok: true, rows };
}

type RowProblem = { code: CsvProblemCode; params: CsvProblemParams };

/** One row's values; `named(key)` is the column's name as the file's header writes it. */
function readRow(get: (key: string) => string, named: (key: string) => string, decimalComma: boolean, hasFigure: boolean): Omit<CsvRow, 'line'> | RowProblem {
  const date = readDate(get('date'));
  if (!date) return { code: 'notADate', params: { column: named('date'), text: get('date') } };
  const value = readNumber(get('value'), decimalComma);
  if (value === null) return { code: 'notANumber', params: { column: named('value'), text: get('value') } };
  const optional = (key: 'forecast' | 'lastYear'): number | null | RowProblem => {
    const t = get(key);
    if (t === '') return null;
    return readNumber(t, decimalComma) ?? { code: 'notANumber', params: { column: named(key), text: t } };
  };
  const forecast = optional('forecast');
  if (forecast !== null && typeof forecast === 'object') return forecast;
  const lastYear = optional('lastYear');
  if (lastYear !== null && typeof lastYear === 'object') return lastYear;
  const figure = hasFigure ? get('figure') : null;
  if (hasFigure && !figure) return { code: 'emptyFigure', params: { column: named('figure') } };
  return { figure, date, value, forecast, lastYear };
}
