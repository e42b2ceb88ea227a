import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist';
import { pdfjsLib } from './pdfjs.ts';

/**
 * One page of a PDF: drawn on a canvas at the device's pixel ratio, `width` CSS pixels
 * wide times `zoom`, with pdf.js's text layer over it (the text can be selected and
 * copied) and `children` over both, in a box of the page's size (for markers placed in
 * percent of the page). A page drawing when another is asked for is cancelled.
 */
export function PdfPage({ doc, number, width, zoom, label, children, onDrawn }: {
  doc: PDFDocumentProxy;
  number: number;
  width: number;
  zoom: number;
  label: string;
  children?: ReactNode;
  onDrawn?(): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number; scale: number } | null>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;

  useEffect(() => {
    let live = true;
    let render: RenderTask | null = null;
    let layer: TextLayer | null = null;
    (async () => {
      const [pdfjs, page] = await Promise.all([pdfjsLib(), doc.getPage(number)]);
      if (!live || !canvas.current || !text.current || width <= 0) return;
      const scale = (width / page.getViewport({ scale: 1 }).width) * zoom;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const target = canvas.current;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      setSize({ width: viewport.width, height: viewport.height, scale });
      render = page.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      text.current.replaceChildren();
      layer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text.current, viewport });
      await Promise.all([render.promise, layer.render()]);
      if (live) drawn.current?.();
    })().catch((err: unknown) => {
      // A cancelled drawing is expected when the page or the width changes.
      if (!(err instanceof Error && err.name === 'RenderingCancelledException') && live) console.warn('PDF page not drawn', err);
    });
    return () => {
      live = false;
      render?.cancel();
      layer?.cancel();
    };
  }, [doc, number, width, zoom]);

  const style = size
    ? ({ width: size.width, height: size.height, '--scale-factor': size.scale, '--total-scale-factor': size.scale, '--scale-round-x': '1px', '--scale-round-y': '1px' } as CSSProperties)
    : undefined;
  return (
    <div className="pdf-page" style={style} role="group" aria-label={label} data-page-number={number}>
      <canvas ref={canvas} className="pdf-canvas" style={size ? { width: size.width, height: size.height } : undefined} aria-hidden="true" />
      <div ref={text} className="textLayer" />
      {children && <div className="pdf-overlay">{children}</div>}
    </div>
  );
}
