import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { PdfViewerProps } from './PdfViewer.tsx';

const Viewer = lazy(() => import('./PdfViewer.tsx').then((m) => ({ default: m.PdfViewer })));

/** The PDF viewer (PdfViewer.tsx, same props), with pdf.js and its stylesheet loaded only when a PDF is first shown. */
export function LazyPdfViewer(props: PdfViewerProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="muted">{t('files.pdf.opening')}</p>}>
      <Viewer {...props} />
    </Suspense>
  );
}
