import '../styles/figures.css';
import { useState } from 'react';
import { addDays, dayIn } from '#core/figures/days';
import { useFigure, useFigureFormat, useFigureValues } from '../state/use-figures.ts';
import { hrefOf } from '../state/use-route.ts';
import { CsvImport } from './CsvImport.tsx';
import { FigureChart } from './FigureChart.tsx';
import { SchedulesPanel } from './SchedulesPanel.tsx';
import { SendPanel } from './SendPanel.tsx';
import { ValueForm } from './ValueForm.tsx';
import { useI18n } from '../i18n/index.tsx';
import { RefusalNotice } from '../components/Field.tsx';

/** Yesterday, in the time zone of this computer. */
export function yesterday(): string {
  return addDays(dayIn(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone), -1);
}

/** One figure: enter a day, import, its month on a chart, preview and send, schedules. */
export function FigureScreen({ id }: { id: string }) {
  const { t, formatDay } = useI18n();
  const figure = useFigure(id);
  const to = yesterday();
  const values = useFigureValues(id, to);
  const format = useFigureFormat();
  // Bumped when values change, so the preview is computed again for what is now stored.
  const [valuesRevision, setValuesRevision] = useState(0);
  const changed = () => {
    values.reload();
    figure.reload();
    setValuesRevision((n) => n + 1);
  };
  if (figure.status === 'failed') return <main id="main" className="page"><RefusalNotice error={figure.error} /></main>;
  if (figure.status === 'loading') return <main id="main" className="page" />;
  const f = figure.data;
  const latest = values.data?.at(-1);
  return (
    <main id="main" className="page figures-page">
      <a className="back-link" href={hrefOf({ name: 'figures' })}>
        {t('figures.back')}
      </a>
      <div className="page-head">
        <h1>{f.label}</h1>
      </div>
      {latest && (
        <p className="figure-gaps">
          {t('figures.gaps', { date: formatDay(latest.date), vsForecast: format.percent(latest.vsForecast), vsLastYear: format.percent(latest.vsLastYear) })}
        </p>
      )}
      <section className="card" aria-label={t('figures.chart')}>
        <h2>{t('figures.chart')}</h2>
        <FigureChart figure={f} values={values.data ?? []} from={addDays(to, -30)} to={to} />
      </section>
      <div className="figures-columns">
        <ValueForm figure={f} defaultDate={to} onSaved={changed} />
        <CsvImport figure={f} onImported={changed} />
      </div>
      <SendPanel figure={f} defaultDate={latest?.date ?? to} valuesRevision={valuesRevision} onTemplateKept={figure.reload} />
      <SchedulesPanel figure={f} defaultDate={latest?.date ?? to} />
    </main>
  );
}
