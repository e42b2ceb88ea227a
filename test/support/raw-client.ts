import { WebSocket } from 'ws';
import type { Api } from './api.ts';

export interface RawClient {
  socket: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array | string): void;
}

export type RawOutcome = { opened: true; client: RawClient } | { opened: false; status: number; body: string };

export async function ticketFor(api: Api, activityId: string) {
  return api.ok<{ url: string; room: string; ticket: string }>('POST', `/api/activities/${activityId}/sync-ticket`);
}

/**
 * A bare WebSocket to the relay's sync endpoint, recording every frame it receives:
 * for tests that look at the wire itself (refusals, malformed frames, what leaks).
 */
export function openRaw(url: string): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    const frames: Uint8Array[] = [];
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.on('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body }));
    });
    socket.on('error', () => undefined);
    socket.on('open', () =>
      resolve({ opened: true, client: { socket, frames, closed, send: (frame) => socket.send(frame) } }),
    );
  });
}

export async function openWithTicket(api: Api, activityId: string): Promise<RawClient> {
  const t = await ticketFor(api, activityId);
  const outcome = await openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`);
  if (!outcome.opened) throw new Error(`refused: ${outcome.status} ${outcome.body}`);
  return outcome.client;
}
