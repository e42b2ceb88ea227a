import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** Zooms offered, as factors of the viewer's width. */
export const zoomSteps = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** Previous, the page number (typed, applied on Enter or on leaving it), next, and zoom. */
export function PdfToolbar({ page, pages, zoom, onPage, onZoom, extra }: {
  page: number;
  pages: number;
  zoom: number;
  onPage(page: number): void;
  onZoom(zoom: number): void;
  extra?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState(String(page));
  useEffect(() => setTyped(String(page)), [page]);
  const step = zoomSteps.indexOf(zoom as (typeof zoomSteps)[number]);
  const apply = () => {
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 1 && n <= pages) onPage(n);
    else setTyped(String(page));
  };
  return (
    <div className="pdf-toolbar">
      <button type="button" className="button small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {t('files.pdf.previous')}
      </button>
      <label className="pdf-page-number">
        <span className="visually-hidden">{t('files.pdf.pageInput')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={pages}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
        <span aria-hidden="true">{t('files.pdf.of', { pages })}</span>
      </label>
      <button type="button" className="button small" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t('files.pdf.next')}
      </button>
      <span className="pdf-zoom">
        <button type="button" className="button small ghost" onClick={() => onZoom(zoomSteps[step - 1] ?? zoom)} disabled={step <= 0} aria-label={t('files.pdf.zoomOut')}>
          −
        </button>
        <button type="button" className="button small ghost" onClick={() => onZoom(1)} disabled={zoom === 1}>
          {t('files.pdf.fitWidth')}
        </button>
        <button type="button" className="button small ghost" onClick={() => onZoom(zoomSteps[step + 1] ?? zoom)} disabled={step >= zoomSteps.length - 1} aria-label={t('files.pdf.zoomIn')}>
          +
        </button>
        <span className="muted small">{new Intl.NumberFormat(locale, { style: 'percent' }).format(zoom)}</span>
      </span>
      {extra}
      <p className="visually-hidden" role="status">
        {t('files.pdf.page', { page, pages })}
      </p>
    </div>
  );
}
