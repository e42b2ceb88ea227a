import { describe, expect, it } from 'vitest';
import { divideRounded, formatMoney, occurrences, optionFigures, toMinorUnits, type CostBenefitLine } from '#core/methods/cost-benefit';

const option = (id: string, label = id) => ({ id, label, order: 'a0' });
let n = 0;
const line = (optionId: string, side: 'cost' | 'benefit', amount: number, probability = 100, recurrence: CostBenefitLine['recurrence'] = 'once', currency = 'EUR'): CostBenefitLine => ({
  id: `line-${String(++n).padStart(6, '0')}`,
  optionId,
  side,
  label: `${side} ${n}`,
  amount,
  currency,
  probability,
  recurrence,
  authorId: 'alice-000001',
  authorName: 'Alice',
  createdAt: '2026-12-06T09:00:00Z',
});

describe('cost/benefit maths', () => {
  it('counts occurrences over the horizon', () => {
    expect(occurrences('once', 24)).toBe(1);
    expect(occurrences('monthly', 24)).toBe(24);
    expect(occurrences('yearly', 12)).toBe(1);
    expect(occurrences('yearly', 13)).toBe(2);
  });

  it('rounds half away from zero, only at the end', () => {
    expect(divideRounded(150n, 100n)).toBe(2);
    expect(divideRounded(149n, 100n)).toBe(1);
    expect(divideRounded(-150n, 100n)).toBe(-2);
    expect(divideRounded(-149n, 100n)).toBe(-1);
    // Three lines of 1 cent at 50 %: 1.5 cents expected, not three roundings of 0.5.
    const [f] = optionFigures([option('opt-000001')], [1, 2, 3].map(() => line('opt-000001', 'benefit', 1, 50)), 12);
    expect(f!.benefits).toBe(2);
  });

  it('expected net value and payback: a one-off cost repaid by monthly benefits', () => {
    const lines = [line('opt-000001', 'cost', 1_200_000), line('opt-000001', 'benefit', 300_000, 50, 'monthly'), line('opt-000001', 'cost', 20_000, 100, 'monthly')];
    const [f] = optionFigures([option('opt-000001', 'New till')], lines, 12);
    // Costs 12,000 + 12 × 200; benefits 12 × 1,500 (half of 3,000); payback 12,000 / 1,300 a month → 10 months.
    expect(f).toEqual({ optionId: 'opt-000001', label: 'New till', currency: 'EUR', costs: 1_440_000, benefits: 1_800_000, net: 360_000, paybackMonths: 10 });
  });

  it('payback: at once when nothing is owed up front, never when the recurring net does not repay, yearly lines a twelfth a month', () => {
    expect(optionFigures([option('o-00000001')], [line('o-00000001', 'benefit', 100)], 12)[0]!.paybackMonths).toBe(0);
    expect(optionFigures([option('o-00000001')], [line('o-00000001', 'cost', 100), line('o-00000001', 'cost', 5, 100, 'monthly')], 12)[0]!.paybackMonths).toBeNull();
    expect(optionFigures([option('o-00000001')], [line('o-00000001', 'cost', 100), line('o-00000001', 'benefit', 0, 100, 'monthly')], 12)[0]!.paybackMonths).toBeNull();
    // 1,000 up front, 600 a year: 50 a month → 20 months.
    expect(optionFigures([option('o-00000001')], [line('o-00000001', 'cost', 1000), line('o-00000001', 'benefit', 600, 100, 'yearly')], 36)[0]!.paybackMonths).toBe(20);
  });

  it('keeps currencies apart, counts a probability of 0 as nothing, and an option with no line has no figures', () => {
    const figures = optionFigures(
      [option('o-00000001'), option('o-00000002')],
      [line('o-00000001', 'cost', 500, 100, 'once', 'USD'), line('o-00000001', 'benefit', 900, 0), line('o-00000001', 'benefit', 1000)],
      12,
    );
    expect(figures.map((f) => [f.currency, f.net])).toEqual([['EUR', 1000], ['USD', -500]]);
  });

  it('stays exact at the largest amounts and horizon', () => {
    const [f] = optionFigures([option('o-00000001')], [line('o-00000001', 'benefit', 1_000_000_000_000, 99, 'monthly')], 600);
    expect(f!.benefits).toBe(594_000_000_000_000);
  });

  it('reads typed amounts in minor units, refusing what is not one', () => {
    expect(toMinorUnits('1234.5', 'EUR')).toBe(123_450);
    expect(toMinorUnits('1 234,56', 'EUR')).toBe(123_456);
    expect(toMinorUnits('1,234.56', 'EUR')).toBe(123_456);
    expect(toMinorUnits('1.234.567', 'EUR')).toBe(123_456_700);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('15.5', 'JPY')).toBeNull();
    for (const bad of ['1.234', '12,345', '', '-5', '1e3', '12.345', 'abc', '1,2,3', '99999999999999999']) expect(toMinorUnits(bad, 'EUR'), bad).toBeNull();
  });

  it('writes money as the locale does', () => {
    expect(formatMoney(123_456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(-5000, 'JPY', 'en')).toBe('-¥5,000');
    expect(formatMoney(123_456, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('1 234,56 €');
  });
});
