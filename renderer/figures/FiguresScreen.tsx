import '../styles/figures.css';
import { useFigureFormat, useFigures, useFiguresAccess } from '../state/use-figures.ts';
import { hrefOf } from '../state/use-route.ts';
import { AlertsPanel } from './AlertsPanel.tsx';
import { DefineFigureForm } from './DefineFigureForm.tsx';
import { ListsPanel } from './ListsPanel.tsx';
import { useI18n } from '../i18n/index.tsx';
import { RefusalNotice } from '../components/Field.tsx';

/** Daily figures: the controller's alerts, the figures, their definition, the lists. */
export function FiguresScreen() {
  const { t, formatDay } = useI18n();
  const access = useFiguresAccess();
  const figures = useFigures();
  const format = useFigureFormat();
  if (access.status === 'ready' && !access.data) {
    return (
      <main id="main" className="page">
        <p className="notice">{t('figures.notController')}</p>
      </main>
    );
  }
  return (
    <main id="main" className="page figures-page">
      <div className="page-head">
        <h1>{t('figures.title')}</h1>
      </div>
      <p className="muted">{t('figures.intro')}</p>
      <AlertsPanel />
      {figures.status === 'failed' && <RefusalNotice error={figures.error} />}
      {figures.status === 'ready' && figures.data.length === 0 && <p className="empty-state">{t('figures.empty')}</p>}
      <ul className="figure-list" aria-label={t('figures.title')}>
        {(figures.data ?? []).map((f) => (
          <li key={f.id}>
            <a className="figure-row" href={hrefOf({ name: 'figure', id: f.id })}>
              <span className="figure-label">{f.label}</span>
              <span className="muted small">
                {f.latest ? t('figures.latest', { value: format.value(f, f.latest.value), date: formatDay(f.latest.date) }) : t('figures.noValue')}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <div className="figures-columns">
        <DefineFigureForm />
        <ListsPanel />
      </div>
    </main>
  );
}
