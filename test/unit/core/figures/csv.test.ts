import { describe, expect, it } from 'vitest';
import { parseFiguresCsv } from '#core/figures/csv';

describe('CSV of daily values', () => {
  it('reads a French Excel export: semicolons, decimal commas, DD/MM/YYYY, grouped digits', () => {
    const result = parseFiguresCsv('\uFEFFDate;Valeur;Prévision;N-1\r\n21/11/2026;1 234 567,50;1 250 000;\r\n2026-11-22;1000;;990\r\n');
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, figure: null, date: '2026-11-21', value: 1_234_567.5, forecast: 1_250_000, lastYear: null },
        { line: 3, figure: null, date: '2026-11-22', value: 1000, forecast: null, lastYear: 990 },
      ],
    });
  });
  it('reads commas, quoted fields and a figure column', () => {
    const result = parseFiguresCsv('figure,date,value,forecast,lastYear\n"CA, veille",2026-11-21,12.5,13,11\nAudience,2026-11-21,4520000,,\n');
    expect(result.ok && result.rows.map((r) => r.figure)).toEqual(['CA, veille', 'Audience']);
  });
  it('one bad row refuses the file, naming its line and why', () => {
    const result = parseFiguresCsv('date;value;forecast\n2026-11-20;10;11\n2026-11-21;douze;11\n2026-11-22;12;11\n');
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 3, code: 'notANumber', params: { column: 'value', text: 'douze' }, reason: 'value "douze" is not a number' }],
    });
  });
  it('names every problem: bad dates, duplicates, column counts, open quotes', () => {
    const result = parseFiguresCsv('date,value\n2026-02-30,1\n2026-03-01,1\n2026-03-01,2\n2026-03-02\n"2026-03-03,1\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { line: 2, code: 'notADate', params: { column: 'date', text: '2026-02-30' }, reason: '"2026-02-30" is not a date (YYYY-MM-DD or DD/MM/YYYY)' },
      { line: 4, code: 'duplicate', params: { day: '2026-03-01', figure: '', earlier: 3 }, reason: '2026-03-01 is already on line 3' },
      { line: 5, code: 'columnCount', params: { found: 1, expected: 2 }, reason: '1 columns where the header has 2' },
      { line: 6, code: 'openQuote', params: {}, reason: 'a quote is not closed' },
    ]);
  });
  it('refuses an unknown or missing column, and an empty file', () => {
    expect(parseFiguresCsv('date;montant\n2026-01-01;3')).toEqual({
      ok: false,
      problems: [
        { line: 1, code: 'unknownColumn', params: { column: 'montant' }, reason: 'unknown column "montant": use date, value, forecast, lastYear, figure' },
        { line: 1, code: 'missingColumn', params: { column: 'value' }, reason: 'the column "value" is missing' },
      ],
    });
    expect(parseFiguresCsv('').ok).toBe(false);
    expect(parseFiguresCsv('date;value\n')).toEqual({ ok: false, problems: [{ line: 2, code: 'noRows', params: {}, reason: 'no rows under the header' }] });
  });
  it("names a bad value's column as the file's header writes it", () => {
    const result = parseFiguresCsv('Date;Valeur;Prévision\n2026-11-20;10;onze\n');
    expect(!result.ok && result.problems[0]).toMatchObject({ line: 2, code: 'notANumber', params: { column: 'Prévision', text: 'onze' } });
  });
});
