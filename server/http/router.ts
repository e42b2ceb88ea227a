import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, type Readable, type Writable } from 'node:stream';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Request {
  method: Method;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  raw: IncomingMessage;
  /** The client's network address: the socket's, or behind a trusted proxy the one it forwarded (client-address.ts). */
  address: string;
}

/** What a handler returns: a JSON body (status 200 unless said), a raw response, or a stream of known length (a file). */
export type Reply =
  | { status?: number; body?: unknown; headers?: Record<string, string> }
  | { status?: number; raw: string | Buffer; contentType: string; headers?: Record<string, string> }
  | { status?: number; stream: Readable; length: number; contentType: string; headers?: Record<string, string> }
  /** Written as it is made, length unknown (an archive): `write` honours back-pressure; a failure mid-way cuts the connection. */
  | { status?: number; write: (out: Writable) => Promise<void>; contentType: string; headers?: Record<string, string> };

export type Handler = (req: Request) => Promise<Reply>;

interface Route {
  method: Method;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** Routes `/api/...` paths written as `/api/activities/:id/members`. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: Method, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** Whether a route answers `method` at `path` (pages the relay writes itself, outside /api/, before static files). */
  handles(method: string, path: string): boolean {
    return this.routes.some((route) => route.method === method && route.pattern.test(path));
  }

  /** Finds the handler for a request, or says why there is none. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeParam(m[i + 1] ?? '');
      });
      return { handler: route.handler, params };
    }
    if (pathMatched) throw new Refusal(ErrorCode.methodNotAllowed, `${method} is not allowed on ${path}.`);
    throw new Refusal(ErrorCode.notFound, `No such endpoint: ${method} ${path}.`);
  }
}

/** A path segment's value; a broken percent-encoding (`%E0%A4%A`) is the client's fault, not a 500. */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new Refusal(ErrorCode.badRequest, `The path segment "${raw.slice(0, 80)}" is not valid percent-encoding.`);
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  const headers = { 'cache-control': 'no-store', ...reply.headers };
  if ('write' in reply) {
    res.writeHead(status, { 'content-type': reply.contentType, ...headers });
    reply.write(res).then(
      () => res.end(),
      () => res.destroy(),
    );
    return;
  }
  if ('stream' in reply) {
    res.writeHead(status, { 'content-type': reply.contentType, 'content-length': String(reply.length), ...headers });
    // Read as the client takes it (back-pressure): never the whole file in memory. A reader gone mid-way ends both.
    pipeline(reply.stream, res, () => undefined);
    return;
  }
  if ('raw' in reply) {
    res.writeHead(status, { 'content-type': reply.contentType, ...headers });
    res.end(reply.raw);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(status === 200 ? 204 : status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(reply.body));
}
