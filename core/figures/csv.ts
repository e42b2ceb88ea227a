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
 * its line number (1 = the header), so that nothing half-imported is left to clean up.
 */
export interface CsvRow {
  line: number;
  figure: string | null;
  date: Day;
  value: number;
  forecast: number | null;
  lastYear: number | null;
}

export interface CsvProblem {
  line: number;
  reason: string;
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
  if (header.trim() === '') return { ok: false, problems: [{ line: 1, reason: 'the file is empty: the first line must name the columns (date;value;forecast;lastYear)' }] };
  const sep = [';', '\t', ','].find((s) => header.includes(s)) ?? ',';
  const decimalComma = sep !== ',';
  const names = cells(header, sep) ?? [];
  const columns = names.map(headerKey);
  const problems: CsvProblem[] = [];
  names.forEach((name, i) => {
    if (!columns[i]) problems.push({ line: 1, reason: `unknown column "${name}": use date, value, forecast, lastYear, figure` });
  });
  for (const need of ['date', 'value'] as const) {
    if (!columns.includes(need)) problems.push({ line: 1, reason: `the column "${need}" is missing` });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (lines.length - 1 > maxCsvRows) return { ok: false, problems: [{ line: maxCsvRows + 2, reason: `at most ${maxCsvRows} rows per file` }] };

  const rows: CsvRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length && problems.length < maxProblems; i++) {
    const line = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '') {
      problems.push({ line, reason: 'empty line' });
      continue;
    }
    const parts = cells(raw, sep);
    if (!parts) {
      problems.push({ line, reason: 'a quote is not closed' });
      continue;
    }
    if (parts.length !== columns.length) {
      problems.push({ line, reason: `${parts.length} columns where the header has ${columns.length}` });
      continue;
    }
    const get = (key: string) => parts[columns.indexOf(key as (typeof columns)[number])] ?? '';
    const row = readRow(get, decimalComma, columns.includes('figure'));
    if (typeof row === 'string') {
      problems.push({ line, reason: row });
      continue;
    }
    const key = `${row.figure ?? ''}\u0000${row.date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, reason: `${row.date}${row.figure ? ` for "${row.figure}"` : ''} is already on line ${earlier}` });
      continue;
    }
    seen.set(key, line);
    rows.push({ ...row, line });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, reason: 'no rows under the header' }] };
  return { ok: true, rows };
}

function readRow(get: (key: string) => string, decimalComma: boolean, hasFigure: boolean): Omit<CsvRow, 'line'> | string {
  const date = readDate(get('date'));
  if (!date) return `"${get('date')}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`;
  const value = readNumber(get('value'), decimalComma);
  if (value === null) return `value "${get('value')}" is not a number`;
  const optional = (key: 'forecast' | 'lastYear'): number | null | string => {
    const t = get(key);
    if (t === '') return null;
    return readNumber(t, decimalComma) ?? `${key} "${t}" is not a number`;
  };
  const forecast = optional('forecast');
  if (typeof forecast === 'string') return forecast;
  const lastYear = optional('lastYear');
  if (typeof lastYear === 'string') return lastYear;
  const figure = hasFigure ? get('figure') : null;
  if (hasFigure && !figure) return 'the figure is empty';
  return { figure, date, value, forecast, lastYear };
}
