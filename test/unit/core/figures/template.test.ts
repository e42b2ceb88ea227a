import { describe, expect, it } from 'vitest';
import { defaultTemplates, renderTemplate, templateErrors } from '#core/figures/template';
import { composeSms } from '#core/sms/compose';

const base = {
  template: defaultTemplates.fr,
  locale: 'fr' as const,
  label: 'CA veille',
  unit: { unit: 'EUR', decimals: 2, compact: true },
  day: '2026-11-22',
  figures: { value: 1_234_567, forecast: 1_261_049, lastYear: 1_193_971 },
};

describe('SMS template', () => {
  it('renders the default French SMS, one GSM-7 segment', () => {
    const text = renderTemplate(base);
    expect(text).toBe('CA veille 22/11 : 1,23 M€ (-2,1 % vs prévision, +3,4 % vs N-1)');
    const sms = composeSms(text);
    expect(sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });
  it('renders English', () => {
    expect(renderTemplate({ ...base, locale: 'en', template: defaultTemplates.en })).toBe(
      'CA veille 22 Nov: €1.23M (-2.1% vs forecast, +3.4% vs last year)',
    );
  });
  it('greets the recipient by first name and says n/d for a missing reference', () => {
    const text = renderTemplate({
      ...base,
      template: 'Bonjour {name}, {label} {weekday} : {value}, prév. {forecast}, N-1 {lastYear} ({vsLastYear})',
      recipientName: 'Claire Dubois',
      figures: { value: 1_234_567, forecast: 1_000_000, lastYear: null },
    });
    expect(text).toBe('Bonjour Claire, CA veille dimanche : 1,23 M€, prév. 1,00 M€, N-1 n/d (n/d)');
  });
  it('names unknown placeholders and a missing {value}', () => {
    expect(templateErrors('{label} {valeur}')).toEqual([
      expect.stringContaining('unknown placeholder {valeur}'),
      'the template must show the value: add {value}',
    ]);
    expect(templateErrors(defaultTemplates.fr)).toEqual([]);
    expect(templateErrors(defaultTemplates.en)).toEqual([]);
  });
  it('a label with a character outside GSM-7 turns the SMS into UCS-2, and the preview says so', () => {
    const sms = composeSms(renderTemplate({ ...base, label: 'Audience — veille' }));
    expect(sms.encoding).toBe('UCS-2');
    expect(sms.nonGsmCharacters).toEqual(['—']);
  });
});
