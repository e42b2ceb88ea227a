import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { UnconfirmedChanges } from '#core/sync/unconfirmed';
import type { Api } from './api.ts';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  denied: string[];
  destroy(): void;
}

/** `url` (the ticket's WebSocket address) with the host and port of `node`. */
function hostOf(url: string, node: string): string {
  const direct = new URL(url);
  direct.host = new URL(node).host;
  return direct.href.replace(/\/+$/, '');
}

export interface ConnectOptions {
  /**
   * A relay node's address (`http://host:port`): the first connection goes straight to it,
   * the next ones to the ticket's address (the load balancer in front of the nodes).
   */
  firstVia?: string;
}

/**
 * A stock y-websocket client, as the desktop app uses it: a fresh single-use ticket
 * before every (re)connection, BroadcastChannel off so that it talks to the relay only.
 */
export async function connectClient(api: Api, activityId: string, doc = new Y.Doc(), awareness?: Awareness, options: ConnectOptions = {}): Promise<SyncClient> {
  const first = await api.ok<{ url: string; room: string; ticket: string }>('POST', `/api/activities/${activityId}/sync-ticket`);
  const provider = new WebsocketProvider(options.firstVia ? hostOf(first.url, options.firstVia) : first.url, first.room, doc, {
    ...(awareness ? { awareness } : {}),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ticket: first.ticket },
    disableBc: true,
    maxBackoffTime: 500,
  });
  const closes: { code: number; reason: string }[] = [];
  const denied: string[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
    if (options.firstVia) provider.serverUrl = first.url.replace(/\/+$/, '');
    void api
      .call<{ ticket: string }>('POST', `/api/activities/${activityId}/sync-ticket`)
      .then(({ status, body }) => {
        if (status === 201) provider.params = { ticket: body.ticket };
      })
      .catch(() => undefined);
  });
  // y-protocols/auth: a permission-denied message carries the relay's reason.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    denied.push(decoding.readVarString(decoder));
  };
  return {
    doc,
    provider,
    closes,
    denied,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A client as the app runs it: its unconfirmed changes kept apart and sent one by one on each connection (SPEC W9). */
export async function connectApp(api: Api, activityId: string, doc = new Y.Doc()) {
  const client = await connectClient(api, activityId, doc);
  const changes = new UnconfirmedChanges(doc, (origin) => origin === client.provider);
  changes.attach(client.provider);
  return { client, changes };
}

/** Opens a disconnected client again, on a fresh single-use ticket. */
export async function reconnect(client: SyncClient, api: Api, activityId: string) {
  const { ticket } = await api.ok<{ ticket: string }>('POST', `/api/activities/${activityId}/sync-ticket`);
  client.provider.params = { ticket };
  client.provider.connect();
}

export function waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

export const synced = (client: SyncClient) => waitFor(() => client.provider.synced, 10_000, 'sync');

/** Tries a WebSocket upgrade that the relay must refuse; resolves with the HTTP status and body it answered (rejects if the socket opens). */
export function refusedUpgrade(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => {
      ws.close();
      reject(new Error(`the relay opened ${url}`));
    });
    ws.on('error', () => undefined);
  });
}
