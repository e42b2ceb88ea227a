/**
 * The content types of the built client's files, by extension: one table for the relay
 * serving it in web mode (server/http/static.ts) and the desktop app's `app://` origin
 * (main/app-origin.ts). Anything else is sent as `application/octet-stream`.
 */
const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** The content type of a built file from its extension (`.js`), as the client expects it. */
export function contentTypeOf(extension: string): string {
  return types[extension.toLowerCase()] ?? 'application/octet-stream';
}
