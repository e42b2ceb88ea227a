import { isPreviewable } from '#core/api/files';

/**
 * The headers a file is served with. Nothing in a file may run: its type is the one read
 * from its bytes (`nosniff` so the browser does not guess another), a CSP sandbox with no
 * source allowed, and `attachment` for everything Conclave does not show itself — an HTML
 * page named `offer.pdf` is downloaded, never opened as a page. The name is given in both
 * forms of RFC 6266 (an ASCII fallback and the UTF-8 original).
 */
export function fileHeaders(file: { name: string; type: string; charset: string | null }): { contentType: string; headers: Record<string, string> } {
  const inline = isPreviewable(file.type);
  return {
    contentType: file.charset ? `${file.type}; charset=${file.charset}` : file.type,
    headers: {
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'cache-control': 'private, no-store',
    },
  };
}

export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '_').trim() || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
