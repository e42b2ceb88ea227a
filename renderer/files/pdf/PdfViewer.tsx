import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useI18n } from '../../i18n/index.tsx';
import { openPdf } from './pdfjs.ts';
import { PdfPage } from './PdfPage.tsx';
import { PdfToolbar } from './PdfToolbar.tsx';

/**
 * The viewer's API, kept small on purpose (the presentation and page comments build on it):
 * - `bytes`: the PDF; `label`: its name, the viewer's accessible name.
 * - `page` (1-based) and `onPageChange`: give `page` to drive the viewer (a presenter's
 *   page); the viewer then shows that page and only asks, through `onPageChange`, to move.
 *   Without `page` it keeps its own page and tells each move through `onPageChange`.
 * - `onOpen(pages)`: once the document is open, its number of pages.
 * - `overlay(page)`: drawn over the page in a box of its size (markers in percent of it).
 * - `toolbarExtra`: controls shown at the end of the toolbar (e.g. "Present").
 */
export interface PdfViewerProps {
  bytes: Uint8Array;
  label: string;
  page?: number;
  onPageChange?(page: number): void;
  onOpen?(pages: number): void;
  overlay?(page: number): ReactNode;
  toolbarExtra?: ReactNode;
}

type Opened = { state: 'opening' } | { state: 'open'; doc: PDFDocumentProxy } | { state: 'failed'; password: boolean };

const clamp = (page: number, pages: number) => Math.min(Math.max(1, Math.round(page) || 1), Math.max(1, pages));

/**
 * A PDF's pages drawn in the app with pdf.js, one at a time at the width of the viewer
 * (a phone's 390 px as well as a desktop window), text selectable, with previous/next,
 * a page number to type, zoom, and the keyboard: Page Up/Down, arrows, Home/End.
 */
export function PdfViewer({ bytes, label, page, onPageChange, onOpen, overlay, toolbarExtra }: PdfViewerProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened>({ state: 'opening' });
  const [own, setOwn] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [width, setWidth] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const told = useRef(onOpen);
  told.current = onOpen;

  useEffect(() => {
    let live = true;
    let doc: PDFDocumentProxy | null = null;
    setOpened({ state: 'opening' });
    openPdf(bytes).then(
      (d) => {
        doc = d;
        if (!live) return void d.destroy();
        setOpened({ state: 'open', doc: d });
        told.current?.(d.numPages);
      },
      (err: unknown) => live && setOpened({ state: 'failed', password: err instanceof Error && err.name === 'PasswordException' }),
    );
    return () => {
      live = false;
      void doc?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    const element = body.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, [opened.state]);

  const pages = opened.state === 'open' ? opened.doc.numPages : 0;
  const shown = clamp(page ?? own, pages);
  const go = (to: number) => {
    const next = clamp(to, pages);
    if (next === shown) return;
    if (page === undefined) setOwn(next);
    onPageChange?.(next);
  };

  const keys = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return;
    const to = { PageDown: shown + 1, ArrowRight: shown + 1, PageUp: shown - 1, ArrowLeft: shown - 1, Home: 1, End: pages }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  };

  if (opened.state === 'failed') return <p className="muted">{t(opened.password ? 'files.pdf.password' : 'files.pdf.failed')}</p>;
  return (
    // Focusable: the viewer takes the keys that turn pages while focus is in it.
    <section className="pdf-viewer" aria-label={label} tabIndex={0} onKeyDown={keys} data-testid="pdf-viewer">
      {opened.state === 'opening' ? (
        <p className="muted">{t('files.pdf.opening')}</p>
      ) : (
        <PdfToolbar page={shown} pages={pages} zoom={zoom} onPage={go} onZoom={setZoom} extra={toolbarExtra} />
      )}
      <div className="pdf-body" ref={body}>
        {opened.state === 'open' && width > 0 && (
          <PdfPage doc={opened.doc} number={shown} width={width} zoom={zoom} label={t('files.pdf.page', { page: shown, pages })}>
            {overlay?.(shown)}
          </PdfPage>
        )}
      </div>
    </section>
  );
}
