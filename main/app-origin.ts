/**
 * The app's own origin. A packaged app serves its built page from `app://conclave/`
 * (a privileged custom scheme rather than file://, which would make every local file
 * same-origin); in development the page comes from Forge's Vite dev server. Whatever
 * is not this origin is foreign: not navigated to, not answered over IPC.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from '#core/web-files';

export const appScheme = 'app';
export const appHost = 'conclave';
export const packagedAppUrl = `${appScheme}://${appHost}/index.html`;

/** Privileges for `protocol.registerSchemesAsPrivileged` (called before the app is ready). */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/**
 * A predicate telling whether a URL belongs to the page at `appUrl` (same scheme, host
 * and port). Compares parts rather than `URL.origin`, which is "null" for custom schemes.
 */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const own = new URL(appUrl);
  return (raw) => {
    try {
      const url = new URL(raw);
      return url.protocol === own.protocol && url.host === own.host && !url.username && !url.password;
    } catch {
      return false;
    }
  };
}


/**
 * The answer to a request for `app://conclave/<path>`: the built file under `root`, or
 * index.html for paths the client routes itself. Paths escaping `root` get 404.
 * `policy` is the Content-Security-Policy sent with every answer.
 */
export async function serveAppFile(root: string, requestUrl: string, policy: string): Promise<Response> {
  const headers = { 'content-security-policy': policy, 'x-content-type-options': 'nosniff' };
  const url = new URL(requestUrl);
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return new Response('bad path', { status: 400, headers });
  }
  const base = path.resolve(root);
  let file = path.resolve(base, `.${path.posix.normalize(`/${relative}`)}`);
  if (url.host !== appHost || relative.includes('\0') || (file !== base && !file.startsWith(base + path.sep))) {
    return new Response('not found', { status: 404, headers });
  }
  const isFile = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) {
    if (path.extname(file)) return new Response('not found', { status: 404, headers });
    file = path.join(base, 'index.html');
  }
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { ...headers, 'content-type': contentTypeOf(path.extname(file)) },
    });
  } catch {
    return new Response('not found', { status: 404, headers });
  }
}
