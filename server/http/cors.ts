import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Cross-origin access to the API, for the desktop app (its page is `app://conclave`,
 * or Forge's dev server) and any client served elsewhere. Any origin is allowed: the API
 * authenticates with bearer tokens only, never cookies, so a foreign page gains nothing
 * it could not do with a token it already holds.
 */
const allowHeaders = 'authorization, content-type';
const allowMethods = 'GET, POST, PUT, PATCH, DELETE';

/** Adds the CORS headers; answers a preflight and returns true when the request is one. */
export function handleCors(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (!path.startsWith('/api/') && path !== '/healthz') return false;
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'content-type');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': allowMethods,
    'access-control-allow-headers': allowHeaders,
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
