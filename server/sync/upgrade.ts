import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ErrorCode } from '#core/api/errors';
import { effectiveRole } from '../activities/access.ts';
import { redeemTicket } from '../activities/tickets.ts';
import type { Context } from '../context.ts';
import type { SyncHub } from './hub.ts';
import { contentRemoved } from '../retention/tombstone.ts';

const roomPath = /^\/sync\/([A-Za-z0-9_-]{8,64})$/;

/** Answers a refused upgrade with a plain HTTP status: the socket never opens (rule T3). */
const statusText = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
} as const;

function refuse(socket: Duplex, status: keyof typeof statusText, message: string, errorCode?: string) {
  const text = statusText[status];
  const code = errorCode ?? (status === 429 ? 'rate_limited' : text.toLowerCase().replace(/ /g, '_'));
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Judges a WebSocket upgrade before accepting it: the path names a room, the ticket
 * is valid for that room and unspent, and its holder is still a member.
 */
export function syncUpgrade(ctx: Context, hub: SyncHub) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: ctx.config.sync.maxFrameBytes, perMessageDeflate: false });

  /** `address`: the client's, as the HTTP edge judged it (behind a trusted proxy, the one it forwarded). */
  return async (req: IncomingMessage, socket: Duplex, head: Buffer, address: string) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://relay');
    const room = roomPath.exec(url.pathname)?.[1];
    if (!room) return refuse(socket, 404, 'No such sync endpoint: connect to /sync/<activity>.');
    if (hub.isDraining) return refuse(socket, 503, 'The relay is restarting.');
    const ticket = url.searchParams.get('ticket');
    if (!ticket) return refuse(socket, 401, 'A sync ticket is required: POST /api/activities/:id/sync-ticket.');
    try {
      const redeemed = await redeemTicket(ctx, ticket, room);
      if (!redeemed.ok) return refuse(socket, 401, `The sync ticket is ${redeemed.refusal}: ask for a new one.`);
      const role = await effectiveRole(ctx.db, room, redeemed.userId);
      if (role === null) return refuse(socket, 403, 'You are not a member of this activity.');
      const user = await ctx.db.get<{ name: string; suspended_at: string | null }>(
        'SELECT u.name, o.suspended_at FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ? AND u.disabled_at IS NULL',
        [redeemed.userId],
      );
      if (!user) return refuse(socket, 403, 'This account is disabled.');
      if (user.suspended_at !== null) return refuse(socket, 403, 'Your organisation is suspended on this relay.', ErrorCode.organizationSuspended);
      if (await contentRemoved(ctx.db, room)) return refuse(socket, 410, 'This activity’s content was removed (its plan’s retention).', ErrorCode.contentRemoved);
      // Rules C1–C3: a place is taken (this node's at once, before any await; then over all nodes), and given back on close.
      const place = await hub.admit(redeemed.userId, address, room);
      if ('refusal' in place) return refuse(socket, 429, place.refusal);
      if (socket.destroyed) return place.release();
      socket.once('close', place.release);
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.once('close', place.release);
        hub.accept(ws, { userId: redeemed.userId, userName: user.name, role }, room);
      });
    } catch (err) {
      ctx.log.error({ err }, 'sync upgrade failed');
      refuse(socket, 503, 'The relay could not admit this connection.');
    }
  };
}
