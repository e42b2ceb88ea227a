/**
 * Two policies the whole desktop app obeys:
 * - the page's Content-Security-Policy (the same directives as the web client's, see
 *   core/csp.ts), set on every response of the session, replacing any the server sent;
 * - links leave the app only for the system's browser or mail client, and only with an
 *   allowed scheme (https:, mailto:): never file:, javascript:, smb:, custom handlers…
 */
import { externalSchemes } from '#core/bridge';

type Headers = Record<string, string[] | string>;

/** The part of Electron's `session.webRequest` used here. */
export interface WebRequestLike {
  onHeadersReceived(
    listener: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Headers }) => void,
    ) => void,
  ): void;
}

/** Sets `policy()` (read per response: the relay may change) as every response's CSP. */
export function installContentSecurityPolicy(webRequest: WebRequestLike, policy: () => string): void {
  webRequest.onHeadersReceived((details, callback) => {
    const kept = Object.entries(details.responseHeaders ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-security-policy',
    );
    callback({ responseHeaders: { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy()] } });
  });
}

const allowedSchemes: ReadonlySet<string> = new Set(externalSchemes);

/** The canonical URL when `raw` may be opened outside the app, or null. */
export function allowedExternalUrl(raw: string): string | null {
  if (raw.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!allowedSchemes.has(url.protocol)) return null;
  if (url.protocol === 'https:' && (url.username || url.password || !url.hostname)) return null;
  return url.href;
}

/** Electron's `shell.openExternal`. */
export type ShellOpen = (url: string) => Promise<void>;

export type OpenLinkResult = { ok: true } | { ok: false; code: 'link-not-allowed'; message: string };

/** Opens `raw` with the system when allowed; says why not otherwise. */
export async function openExternalLink(shellOpen: ShellOpen, raw: string): Promise<OpenLinkResult> {
  const url = allowedExternalUrl(raw);
  if (!url) {
    return {
      ok: false,
      code: 'link-not-allowed',
      message: 'Only https:// and mailto: links can be opened outside Conclave.',
    };
  }
  await shellOpen(url);
  return { ok: true };
}
