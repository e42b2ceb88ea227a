import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useId, useMemo, useRef } from 'react';
import type { Figure, FigureValue } from '#core/api/figures';
import { daysBetween } from '#core/figures/days';
import { formatDay, type FigureLocale } from '#core/figures/format';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useFigureFormat } from '../state/use-figures.ts';
import { axisBounds, chartRows, chartSeries, type ChartSeries } from './chart-rows.ts';
import { TableScroll } from '../components/TableScroll.tsx';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

const looks: Record<ChartSeries, { label: MessageKey; className: string; width: number; dash: number[]; points: number }> = {
  value: { label: 'figures.chartValue', className: 'line-value', width: 2.5, dash: [], points: 3 },
  forecast: { label: 'figures.chartForecast', className: 'line-forecast', width: 1.5, dash: [6, 4], points: 0 },
  lastYear: { label: 'figures.chartLastYear', className: 'line-last-year', width: 1.5, dash: [2, 3], points: 0 },
};

/**
 * A figure's month: value, forecast and last year as three lines on a canvas (Chart.js:
 * no inline script or style sheet, so the strict CSP holds), described for screen
 * readers, and the same numbers in a table that opens below it. Line colours come from
 * the style sheet (`--line-*` on `.figure-chart`), shared with the legend.
 */
export function FigureChart({ figure, values, from, to }: { figure: Figure; values: FigureValue[]; from: string; to: string }) {
  const { t, locale } = useI18n();
  const format = useFigureFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  const describedBy = useId();
  const days = useMemo(() => daysBetween(from, to), [from, to]);
  const { points, rows, low, high } = useMemo(() => chartRows(days, values), [days, values]);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const colours = getComputedStyle(el);
    const config: ChartConfiguration<'line', (number | null)[], string> = {
      type: 'line',
      data: {
        labels: days.map((d) => formatDay(d, locale as FigureLocale)),
        datasets: chartSeries.map((s) => {
          const colour = colours.getPropertyValue(`--${looks[s].className}`).trim() || '#444';
          return { label: t(looks[s].label), data: points[s], borderColor: colour, backgroundColor: colour, borderWidth: looks[s].width, borderDash: looks[s].dash, pointRadius: looks[s].points, spanGaps: false };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { autoSkip: true, maxTicksLimit: 6, maxRotation: 0 }, grid: { display: false } },
          y: { beginAtZero: false, ...(axisBounds(low, high) ?? {}), ticks: { maxTicksLimit: 4, callback: (n) => format.value(figure, Number(n)) } },
        },
        plugins: { tooltip: { callbacks: { label: (item) => t('figures.chartPoint', { series: item.dataset.label ?? '', value: format.value(figure, item.parsed.y) }) } } },
      },
    };
    const chart = new Chart(el, config);
    return () => chart.destroy();
  }, [days, points, low, high, locale, figure, format, t]);

  const description = t('figures.chartDescription', { count: rows.length, low: format.value(figure, low), high: format.value(figure, high) });
  return (
    <figure className="figure-chart">
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={`${figure.label} — ${t('figures.chart')}`} aria-describedby={describedBy} />
      </div>
      <p id={describedBy} className="visually-hidden">
        {description}
      </p>
      <figcaption className="chart-legend">
        {chartSeries.map((s) => (
          <span key={s} className={`legend ${looks[s].className}`}>
            {t(looks[s].label)}
          </span>
        ))}
      </figcaption>
      <details>
        <summary>{t('figures.history')}</summary>
        <TableScroll label={`${figure.label} — ${t('figures.chart')}`}>
          <table className="figure-history">
            <caption className="visually-hidden">{`${figure.label} — ${t('figures.chart')}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.date')}</th>
                <th scope="col">{t('figures.value')}</th>
                <th scope="col">{t('figures.forecast')}</th>
                <th scope="col">{t('figures.lastYear')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.date}>
                  <th scope="row">{v.date}</th>
                  <td>{format.value(figure, v.value)}</td>
                  <td>
                    {format.value(figure, v.forecast)} ({format.percent(v.vsForecast)})
                  </td>
                  <td>
                    {format.value(figure, v.lastYear)} ({format.percent(v.vsLastYear)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
