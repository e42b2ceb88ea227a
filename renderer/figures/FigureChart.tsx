import type { Figure, FigureValue } from '#core/api/figures';
import { daysBetween } from '#core/figures/days';
import { formatDay } from '#core/figures/format';
import { useI18n } from '../i18n/index.tsx';
import { useFigureFormat } from '../state/use-figures.ts';

/**
 * A figure's month: value, forecast and last year as three lines, drawn in SVG by hand.
 * Three polylines and two axes do not need a chart library (and its 100+ kB): this
 * stays small, needs nothing beyond the app's CSP, and prints as crisply as text.
 */
const width = 720;
const height = 240;
const pad = { left: 64, right: 12, top: 12, bottom: 28 };

const series = [
  { key: 'value', className: 'line-value', label: 'figures.chartValue' },
  { key: 'forecast', className: 'line-forecast', label: 'figures.chartForecast' },
  { key: 'lastYear', className: 'line-last-year', label: 'figures.chartLastYear' },
] as const;

export function FigureChart({ figure, values, from, to }: { figure: Figure; values: FigureValue[]; from: string; to: string }) {
  const { t, locale } = useI18n();
  const format = useFigureFormat();
  const days = daysBetween(from, to);
  const byDay = new Map(values.map((v) => [v.date, v]));
  const numbers = values.flatMap((v) => [v.value, v.forecast, v.lastYear]).filter((n): n is number => n !== null);
  const low = Math.min(0, ...numbers);
  const high = Math.max(1, ...numbers);
  const x = (i: number) => pad.left + (i * (width - pad.left - pad.right)) / Math.max(1, days.length - 1);
  const y = (n: number) => pad.top + ((high - n) * (height - pad.top - pad.bottom)) / (high - low || 1);
  const path = (key: (typeof series)[number]['key']) => {
    let d = '';
    let pen = false;
    days.forEach((day, i) => {
      const n = byDay.get(day)?.[key] ?? null;
      if (n === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(n).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const ticks = [low, (low + high) / 2, high];
  return (
    <figure className="figure-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${figure.label} — ${t('figures.chart')}`}>
        {ticks.map((n) => (
          <g key={n} className="chart-grid">
            <line x1={pad.left} x2={width - pad.right} y1={y(n)} y2={y(n)} />
            <text x={pad.left - 6} y={y(n) + 4} textAnchor="end">
              {format.value(figure, n)}
            </text>
          </g>
        ))}
        {days.map((day, i) =>
          i % 7 === 0 || i === days.length - 1 ? (
            <text key={day} className="chart-day" x={x(i)} y={height - 8} textAnchor="middle">
              {formatDay(day, locale)}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <path key={s.key} className={s.className} d={path(s.key)} fill="none" data-series={s.key} />
        ))}
        {days.map((day, i) => {
          const v = byDay.get(day);
          return v ? (
            <circle key={day} className="chart-point" cx={x(i)} cy={y(v.value)} r={3}>
              <title>{`${formatDay(day, locale)} : ${format.value(figure, v.value)} (${format.percent(v.vsForecast)}, ${format.percent(v.vsLastYear)})`}</title>
            </circle>
          ) : null;
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.key} className={`legend ${s.className}`}>
            {t(s.label)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
