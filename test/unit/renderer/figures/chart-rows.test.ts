import { describe, expect, it } from 'vitest';
import type { FigureValue } from '#core/api/figures';
import { axisBounds, chartRows } from '../../../../renderer/figures/chart-rows.ts';

const day = (date: string, value: number, forecast: number | null, lastYear: number | null): FigureValue => ({
  date,
  value,
  forecast,
  lastYear,
  vsForecast: null,
  vsLastYear: null,
  source: 'form',
  updatedAt: '2026-11-23T08:00:00Z',
});

describe('the chart and its table show the same numbers', () => {
  it('puts each day on the lines (null where it has no value) and in the table, newest first', () => {
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];
    const { points, rows, low, high } = chartRows(days, [day('2026-11-22', 1_234_567, 1_261_049, null), day('2026-11-20', 1_100_000, 1_000_000, 990_000), day('2026-10-01', 5, 5, 5)]);
    expect(points.value).toEqual([1_100_000, null, 1_234_567, null]);
    expect(points.forecast).toEqual([1_000_000, null, 1_261_049, null]);
    expect(points.lastYear).toEqual([990_000, null, null, null]);
    expect(rows.map((r) => r.date)).toEqual(['2026-11-22', '2026-11-20']);
    expect([low, high]).toEqual([1_100_000, 1_234_567]);
  });

  it('has no range when no day has a value', () => {
    expect(chartRows(['2026-11-20'], [])).toMatchObject({ rows: [], low: null, high: null, points: { value: [null] } });
  });
});

describe('the chart’s y-axis follows the data (issue 13, finding 10)', () => {
  it('spans the points with a tenth of their spread, not from 0', () => {
    expect(axisBounds(1_200_000, 1_300_000)).toEqual({ min: 1_190_000, max: 1_310_000 });
    expect(axisBounds(5, 100)).toEqual({ min: 0, max: 109.5 });
    expect(axisBounds(null, null)).toBeNull();
    expect(axisBounds(200, 200)).toEqual({ min: 190, max: 210 });
  });
});
