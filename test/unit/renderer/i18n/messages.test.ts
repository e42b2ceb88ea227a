import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { areas, catalogues, locales } from '../../../../renderer/i18n/messages/index.ts';
import { intlFor } from '../../../../renderer/i18n/index.tsx';

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

/** Every argument of a parsed message as `name:kind`, plural and select branches included. */
function argumentsOf(elements: Element[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (!('value' in el) || typeof el.value !== 'string') continue;
    if ('options' in el) {
      found.add(`${el.value}:${'pluralType' in el ? 'plural' : 'select'}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, found);
    } else if ('type' in el && el.type !== 0 /* literal */) found.add(`${el.value}:value`);
    if ('children' in el) argumentsOf(el.children, found);
  }
  return found;
}

const parsed = (message: string, locale: string) => new IntlMessageFormat(message, locale);

describe('translations: every area, every language', () => {
  it('has the same keys in French and English, area by area', () => {
    for (const { area, en, fr } of areas) expect(Object.keys(fr).sort(), area).toEqual(Object.keys(en).sort());
  });

  it('gives each key to one area only', () => {
    const seen = new Map<string, string>();
    for (const { area, en } of areas)
      for (const key of Object.keys(en)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    expect(Object.keys(catalogues.en)).toHaveLength(seen.size);
  });

  it('parses every message as ICU, with the same arguments (and plural ones) in both languages', () => {
    let count = 0;
    for (const { area, en, fr } of areas)
      for (const [key, english] of Object.entries(en)) {
        const french = (fr as Record<string, string>)[key]!;
        const args = [...argumentsOf(parsed(english, 'en').getAst())].sort();
        expect([...argumentsOf(parsed(french, 'fr').getAst())].sort(), `${area}: ${key}`).toEqual(args);
        count++;
      }
    expect(count).toBeGreaterThan(400);
  });

  it('formats every message with its values put in, without an error', () => {
    const errors: string[] = [];
    for (const locale of locales)
      for (const [key, message] of Object.entries(catalogues[locale])) {
        const values = Object.fromEntries([...argumentsOf(parsed(message, locale).getAst())].map((a) => [a.split(':')[0]!, 2]));
        try {
          parsed(message, locale).format(values);
        } catch (e) {
          errors.push(`${locale} ${key}: ${String(e)}`);
        }
      }
    expect(errors).toEqual([]);
  });

  it('chooses plural forms by each language’s rules', () => {
    const en = intlFor('en');
    const fr = intlFor('fr');
    expect(en.formatMessage({ id: 'swot.itemCount' }, { count: 1 })).toBe('1 item');
    expect(en.formatMessage({ id: 'swot.itemCount' }, { count: 0 })).toBe('0 items');
    expect(fr.formatMessage({ id: 'swot.itemCount' }, { count: 0 })).toBe('0 élément');
    expect(fr.formatMessage({ id: 'swot.itemCount' }, { count: 2 })).toBe('2 éléments');
    expect(en.formatMessage({ id: 'polls.taken' }, { n: 1, total: 3 })).toBe('1 of 3 has taken part');
    expect(en.formatMessage({ id: 'figures.templateHint' })).toContain('{label} {date}');
    expect(fr.formatMessage({ id: 'ideas.form.length' }, { count: 1001, max: 1000 })).toBe('1001 / 1000 caractères');
  });
});
