import { describe, expect, it } from 'vitest';
import { formatDay, formatPercent, formatValue, formatWeekday } from '#core/figures/format';
import { gapsOf } from '#core/figures/gaps';
import { isGsmCharacter } from '#core/sms/gsm7';

const euro = { unit: 'EUR', decimals: 2, compact: true };
const frDisplay = { locale: 'fr', target: 'display' } as const;
const frSms = { locale: 'fr', target: 'sms' } as const;
const enSms = { locale: 'en', target: 'sms' } as const;

describe('French and English figures', () => {
  it('writes 1 234 567 € as 1,23 M€ with a narrow no-break space on screen, a plain space by SMS', () => {
    expect(formatValue(1_234_567, euro, frDisplay)).toBe('1,23\u202fM€');
    expect(formatValue(1_234_567, euro, frSms)).toBe('1,23 M€');
    expect(formatValue(1_234_567, euro, enSms)).toBe('€1.23M');
  });
  it('groups thousands and keeps units after the number', () => {
    const plain = { unit: '€', decimals: 0, compact: false };
    expect(formatValue(12_340, plain, frDisplay)).toBe('12\u202f340\u202f€');
    expect(formatValue(12_340, plain, frSms)).toBe('12 340 €');
    expect(formatValue(12_340, plain, enSms)).toBe('€12,340');
    expect(formatValue(4_520_000, { unit: 'spectateurs', decimals: 2, compact: true }, frSms)).toBe('4,52 M spectateurs');
    expect(formatValue(4_520_000, { unit: 'viewers', decimals: 1, compact: true }, enSms)).toBe('4.5M viewers');
    expect(formatValue(2_500_000_000, euro, frSms)).toBe('2,50 Md€');
  });
  it('moves to the next scale when rounding reaches 1 000', () => {
    expect(formatValue(999_999, euro, frSms)).toBe('1,00 M€');
    expect(formatValue(999_400, euro, frSms)).toBe('999,40 k€');
  });
  it('signs negatives with U+2212 on screen and the GSM-7 hyphen by SMS', () => {
    expect(formatValue(-1_500_000, euro, frDisplay)).toBe('\u22121,50\u202fM€');
    expect(formatValue(-1_500_000, euro, frSms)).toBe('-1,50 M€');
  });
  it('writes gaps signed, to one decimal: +3,4 %, −2,1 %, 0,0 %, n/d', () => {
    expect(formatPercent(3.449, frDisplay)).toBe('+3,4\u202f%');
    expect(formatPercent(-2.1, frDisplay)).toBe('\u22122,1\u202f%');
    expect(formatPercent(-2.1, frSms)).toBe('-2,1 %');
    expect(formatPercent(3.45, enSms)).toBe('+3.5%');
    expect(formatPercent(-0.04, frSms)).toBe('0,0 %');
    expect(formatPercent(null, frSms)).toBe('n/d');
    expect(formatPercent(null, enSms)).toBe('n/a');
  });
  it('keeps every SMS character in the GSM-7 alphabet, and not the display ones', () => {
    const sms = formatValue(-1_234_567, euro, frSms) + formatPercent(-2.1, frSms) + formatValue(12_340, { ...euro, compact: false }, frSms);
    expect([...sms].filter((c) => !isGsmCharacter(c))).toEqual([]);
    const display = formatValue(-1_234_567, euro, frDisplay) + formatPercent(-2.1, frDisplay);
    expect([...display].filter((c) => !isGsmCharacter(c))).toEqual(['\u2212', '\u202f', '\u2212', '\u202f']);
  });
  it('names days', () => {
    expect(formatDay('2026-11-22', 'fr')).toBe('22/11');
    expect(formatDay('2026-11-22', 'en')).toBe('22 Nov');
    expect(formatWeekday('2026-11-22', 'fr')).toBe('dimanche');
  });
});

describe('gaps', () => {
  it('compares to forecast and last year in percent of the reference', () => {
    const gaps = gapsOf({ value: 1_030_000, forecast: 1_052_094, lastYear: 996_132 });
    expect(gaps.vsForecast).toBeCloseTo(-2.1, 1);
    expect(gaps.vsLastYear).toBeCloseTo(3.4, 1);
    expect(gaps.deltaForecast).toBe(1_030_000 - 1_052_094);
  });
  it('gives no gap without a reference or over zero, and reads a negative reference by its size', () => {
    expect(gapsOf({ value: 10, forecast: null, lastYear: 0 })).toMatchObject({ vsForecast: null, vsLastYear: null });
    expect(gapsOf({ value: -50, forecast: -100, lastYear: null }).vsForecast).toBe(50);
  });
});
