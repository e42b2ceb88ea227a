import { WebSocket } from 'ws';
import * as Y from 'yjs';
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

/** The sockets that opened, of several outcomes. */
export const accepted = (outcomes: RawOutcome[]) => outcomes.flatMap((o) => (o.opened ? [o.client] : []));
/** The refusals (status and body) of several outcomes. */
export const refusals = (outcomes: RawOutcome[]) => outcomes.flatMap((o) => (o.opened ? [] : [o]));
/** Closes the sockets and waits until each is closed. */
export async function closeAll(clients: RawClient[]) {
  for (const c of clients) c.socket.close();
  await Promise.all(clients.map((c) => c.closed));
}

export async function openWithTicket(api: Api, activityId: string): Promise<RawClient> {
  const t = await ticketFor(api, activityId);
  const outcome = await openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`);
  if (!outcome.opened) throw new Error(`refused: ${outcome.status} ${outcome.body}`);
  return outcome.client;
}

/** A sync frame carrying a Yjs update, as a client sends it. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return new Uint8Array([0, 2, ...varUint(update.length), ...update]);
}

function varUint(n: number): number[] {
  const bytes: number[] = [];
  while (n > 0x7f) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return bytes;
}

/** Sends an update and resolves with the close code if it was refused, null if taken. */
export async function sendUpdate(api: Api, activityId: string, update: Uint8Array): Promise<number | null> {
  const client = await openWithTicket(api, activityId);
  client.send(updateFrame(update));
  // Two queries for awareness after it: the greeting holds at most one awareness frame,
  // so a second one answers a query sent after the update, which was judged first.
  client.send(new Uint8Array([3]));
  client.send(new Uint8Array([3]));
  const answered = () => client.frames.filter((f) => f[0] === 1).length >= 2;
  const outcome = await Promise.race([
    client.closed.then((c) => c.code),
    new Promise<null>((resolve) => {
      const tick = setInterval(() => {
        if (!answered()) return;
        clearInterval(tick);
        resolve(null);
      }, 10);
      void client.closed.then(() => clearInterval(tick));
    }),
  ]);
  client.socket.close();
  return outcome;
}

/** An insertion of `bytes` characters from a new Yjs client: it depends on nothing the relay may lack. */
export function insertion(key: string, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('board').set(key, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc);
}
