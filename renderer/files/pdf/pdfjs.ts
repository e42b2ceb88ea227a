import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';

/**
 * pdf.js, loaded only when a PDF is shown (this module is imported dynamically, with the
 * library's stylesheet for its text layer). Its worker is a file of the app's own build,
 * served from the app's origin (the CSP allows scripts and workers from 'self' only).
 * Nothing in a PDF runs: no eval (fonts are not compiled to functions), no XFA forms, no
 * scripting, no WebAssembly (the CSP has no 'wasm-unsafe-eval': pdf.js uses its JavaScript
 * decoders), nothing fetched (the bytes are handed over; no font or CMap URL is given).
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // pdf.js hands the buffer to its worker (detached): give it a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    useWorkerFetch: false,
    stopAtErrors: false,
  });
  return task.promise;
}

/** The pieces of pdf.js a page needs, from the same (already loaded) module. */
export const pdfjsLib = () => import('pdfjs-dist');
