import { describe, expect, it } from 'vitest';
import { parseCsv } from '#core/files/csv';

describe('a CSV file as a table', () => {
  it('reads a French Excel export: semicolons, decimal commas, quoted cells with separators and line breaks', () => {
    const table = parseCsv('\uFEFFPoste;Montant;Note\r\nLoyer;12 000,50;"avec ; point-virgule"\r\nÉnergie;3 400;"sur\ndeux lignes, ""cité"""\r\n');
    expect(table.separator).toBe(';');
    expect(table.rows).toEqual([
      ['Poste', 'Montant', 'Note'],
      ['Loyer', '12 000,50', 'avec ; point-virgule'],
      ['Énergie', '3 400', 'sur\ndeux lignes, "cité"'],
    ]);
    expect(table.truncated).toBe(false);
  });

  it('takes commas and tabs too, and keeps a last line without a line break', () => {
    expect(parseCsv('a,b\n1,2').rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\tb\n1\t2\n').rows).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('is bounded in rows and columns, and says so', () => {
    const many = parseCsv(Array.from({ length: 5000 }, (_, i) => `${i};x`).join('\n'), 1000);
    expect([many.rows.length, many.truncated]).toEqual([1000, true]);
    const wide = parseCsv(Array.from({ length: 80 }, (_, i) => String(i)).join(';'), 1000, 50);
    expect([wide.rows[0]?.length, wide.truncated]).toEqual([50, true]);
  });
});
