import { describe, expect, it } from 'vitest';
import { objectsToCsv, toCsv } from '#core/export/csv';

describe('CSV for the activity archive', () => {
  it('quotes what needs it and defuses formulas', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '=SUM(A1)', '-3', null, 4]])).toBe('\uFEFFa,"b,c","say ""hi""","two\nlines",\'=SUM(A1),\'-3,,4\r\n');
  });

  it('takes the columns of every object, the first ones first', () => {
    expect(objectsToCsv([{ text: 'x', id: '1' }, { id: '2', votes: 3 }], ['id'])).toBe('\uFEFFid,text,votes\r\n1,x,\r\n2,,3\r\n');
  });
});
