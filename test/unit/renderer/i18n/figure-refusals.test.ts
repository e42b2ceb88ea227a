/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../core/api/errors.ts';
import { intlFor, type Locale, type Translate } from '../../../../renderer/i18n/index.tsx';
import { refusalText } from '../../../../renderer/i18n/refusal-text.ts';

const tFor = (locale: Locale): Translate => {
  const intl = intlFor(locale);
  return (key, values) => intl.formatMessage({ id: key }, values);
};

/** The relay's words when a figure of a preview (or a morning message) has no value that day: server/figures/compose.ts. */
const noValue = { code: ErrorCode.conflict, message: '"Marge" has no value for 2026-11-22 yet: enter it first.', issues: [] };

describe('daily figures refusals in the person’s language', () => {
  it('reads the sentence the relay still says', () => {
    const compose = Object.values(import.meta.glob<string>('../../../../server/figures/compose.ts', { query: '?raw', import: 'default', eager: true }))[0];
    expect(compose).toContain('`"${figure.label}" has no value for ${day} yet: enter it first.`');
  });

  it('names the figure and the day (as the language writes it), in English and in French', () => {
    expect(refusalText(noValue, tFor('en'), 'en')).toBe('“Marge” has no value for 22 November 2026 yet: enter it first.');
    expect(refusalText(noValue, tFor('fr'), 'fr')).toBe('« Marge » n’a pas encore de valeur pour le 22 novembre 2026 : saisissez-la d’abord.');
  });
});
