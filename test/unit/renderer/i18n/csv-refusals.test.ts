import { describe, expect, it } from 'vitest';
import { ErrorCode, type ValidationIssue } from '../../../../core/api/errors.ts';
import { csvProblem, csvProblemWords, parseFiguresCsv, type CsvProblem, type CsvProblemCode } from '../../../../core/figures/csv.ts';
import { intlFor, type Locale, type Translate } from '../../../../renderer/i18n/index.tsx';
import { catalogues } from '../../../../renderer/i18n/messages/index.ts';
import { issueText, refusalText } from '../../../../renderer/i18n/refusal-text.ts';

const tFor = (locale: Locale): Translate => {
  const intl = intlFor(locale);
  return (key, values) => intl.formatMessage({ id: key }, values);
};

/** The issues the relay sends for a refused import (server/figures/import.ts). */
const issuesOf = (problems: CsvProblem[]): ValidationIssue[] =>
  problems.map((p) => ({ path: `line ${p.line}`, message: p.reason, code: `csv.${p.code}`, params: { ...p.params, line: p.line } }));

const refused = (problems: CsvProblem[]) => ({ code: ErrorCode.validation, message: `Nothing was imported: line ${problems[0]!.line}: ${problems[0]!.reason}.`, issues: issuesOf(problems) });

describe('CSV import problems in the person’s language, from their codes', () => {
  it('has words for every code core can give, in English and French', () => {
    for (const code of Object.keys(csvProblemWords) as CsvProblemCode[]) {
      expect(catalogues.en).toHaveProperty(`error.csv.${code}`);
      expect(catalogues.fr).toHaveProperty(`error.csv.${code}`);
    }
  });

  it('words a refused file in French with its line, column and the text read', () => {
    const parsed = parseFiguresCsv('Date;Valeur;Prévision\n2026-11-20;10;11\n2026-11-21;douze;11\n2026-11-31;12;11\n');
    expect(parsed.ok).toBe(false);
    const problems = !parsed.ok ? parsed.problems : [];
    const fr = tFor('fr');
    expect(refusalText(refused(problems), fr, 'fr')).toBe('Rien n’a été importé. Ligne 3 : Colonne « Valeur » : « douze » n’est pas un nombre. (et 1 autre problème)');
    expect(refusalText(refused(problems), tFor('en'), 'en')).toBe('Nothing was imported. Line 3: Column “Valeur”: “douze” is not a number. (and 1 more problem)');
  });

  it('writes days as the language does, not YYYY-MM-DD', () => {
    const duplicate = issuesOf([csvProblem(4, 'duplicate', { day: '2026-03-01', figure: 'CA', earlier: 3 })])[0]!;
    expect(issueText(duplicate, tFor('fr'), 'fr')).toBe('Le 1 mars 2026 pour « CA » figure déjà ligne 3.');
    expect(issueText(duplicate, tFor('en'), 'en')).toBe('1 March 2026 for “CA” is already on line 3.');
  });

  it('keeps the relay’s words for an issue without a code', () => {
    expect(issueText({ path: 'x', message: 'something new' }, tFor('en'), 'en')).toBe('something new');
  });
});
