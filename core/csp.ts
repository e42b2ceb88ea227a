/**
 * The client's Content-Security-Policy, built once for both shells: the relay serves
 * the web client with `webCsp` (server/http/static.ts), the desktop app sets
 * `desktopCsp(relayUrl)` on every response (main/security.ts). They differ only where
 * the page may connect: in a browser the relay is the page's own origin; in the
 * desktop app it is the configured relay, over http(s) and ws(s), and nothing else.
 */

interface PolicyParts {
  /** Extra sources for `connect-src` (besides 'self'). */
  connect: readonly string[];
  /** Extra sources for `img-src` (besides 'self' data: blob:). */
  img?: readonly string[];
}

export function contentSecurityPolicy(parts: PolicyParts): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', ...(parts.img ?? [])],
    ['connect-src', "'self'", ...parts.connect],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The web client's policy: the relay is 'self'; its WebSocket may be ws: or wss:. */
export const webCsp = contentSecurityPolicy({ connect: ['ws:', 'wss:'] });

/** The relay's origin as http(s) and as ws(s), e.g. `https://r.example wss://r.example`. */
export function relaySources(relayUrl: string): string[] {
  const url = new URL(relayUrl);
  const secure = url.protocol === 'https:';
  return [url.origin, `${secure ? 'wss' : 'ws'}://${url.host}`];
}

/** The desktop app's policy for a given relay (also in development, from Vite's dev server). */
export function desktopCsp(relayUrl: string): string {
  const relay = relaySources(relayUrl);
  return contentSecurityPolicy({ connect: relay, img: relay.slice(0, 1) });
}
