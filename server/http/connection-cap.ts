import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ErrorCode, statusOf } from '#core/api/errors';
import type { TrustedProxies } from './client-address.ts';

/**
 * At most `max` open TCP connections from one address to the HTTP API (SPEC C5), so that
 * idle or slow connections (a slowloris) cannot take every file descriptor of the relay.
 * One more is answered 429 `rate_limited` at once and closed, before a byte of it is
 * read. A connection upgraded to a sync WebSocket leaves its place: C2 counts those. A
 * trusted proxy (a load balancer: CONCLAVE_TRUSTED_PROXIES) carries many clients' connections
 * and is not capped; its clients' own limits are judged by their forwarded addresses.
 */
export class ConnectionCap {
  private readonly open = new Map<string, number>();
  private readonly counted = new WeakMap<Socket, string>();
  private readonly refused = new WeakSet<Socket>();

  constructor(
    private readonly max: number,
    private readonly proxies: TrustedProxies,
  ) {}

  attach(server: Server) {
    server.on('connection', (socket: Socket) => this.admit(socket));
  }

  /** True for a connection already answered 429: whatever request it sends is not served. */
  wasRefused(socket: Socket | Duplex) {
    return this.refused.has(socket as Socket);
  }

  /** The socket no longer holds an HTTP place (it became a WebSocket). */
  release(socket: Socket | Duplex) {
    const address = this.counted.get(socket as Socket);
    if (address === undefined) return;
    this.counted.delete(socket as Socket);
    const left = (this.open.get(address) ?? 1) - 1;
    if (left > 0) this.open.set(address, left);
    else this.open.delete(address);
  }

  private admit(socket: Socket) {
    const address = socket.remoteAddress ?? 'unknown';
    if (this.proxies.has(address)) return;
    const held = this.open.get(address) ?? 0;
    if (held >= this.max) {
      this.refused.add(socket);
      return refuse(socket, this.max);
    }
    this.open.set(address, held + 1);
    this.counted.set(socket, address);
    socket.once('close', () => this.release(socket));
  }
}

function refuse(socket: Socket, max: number) {
  const body = JSON.stringify({
    error: { code: ErrorCode.rateLimited, message: `Your address has ${max} open connections to the relay already: close some, or try again later.` },
  });
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 ${statusOf[ErrorCode.rateLimited]} Too Many Requests\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nretry-after: 5\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
  // What the client sends meanwhile is not read; the socket goes once the answer is out, or in 5 s.
  socket.setTimeout(5_000, () => socket.destroy());
}
