import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ErrorCode } from '#core/api/errors';
import type { Config } from './config.ts';
import type { Context, LiveDocuments, RelayEvents } from './context.ts';
import { ConnectionCap } from './http/connection-cap.ts';
import { handleCors } from './http/cors.ts';
import { Refusal } from './errors.ts';
import { errorReply, internalRefusal } from './http/errors.ts';
import { Router, send, type Method } from './http/router.ts';
import { serveStatic } from './http/static.ts';
import { SharedRates } from './auth/shared-rates.ts';
import { SignInThrottle } from './accounts/sign-in-throttle.ts';
import { HashPool } from './auth/hash-pool.ts';
import { loggablePath } from './log.ts';
import { explainScans, openStore } from './store/open.ts';
import { DiskWatch } from './store/disk-watch.ts';
import { migrate } from './store/migrate.ts';
import { addressFree } from './nodes/address-free.ts';
import { RelayNode } from './nodes/relay-node.ts';
import { relayModules } from './modules.ts';
import { MailService } from './mail/service.ts';
import { SmsService } from './sms/service.ts';
import { SyncHub } from './sync/hub.ts';
import { syncUpgrade } from './sync/upgrade.ts';
import { TrustedProxies } from './http/client-address.ts';

/**
 * The data folder 0700 and what is already in it 0600 (a store from before, its WAL),
 * so that no other local user reads password hashes, phone numbers or photos. New files
 * are private by the umask server/main.ts sets. A group allowed to pass through the folder
 * keeps that (g+x, nothing listed or read): `npm run cluster` as root gives it to the
 * PostgreSQL it keeps in the folder (scripts/lib/postgres-server.ts).
 */
async function makePrivate(dataDir: string) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700 | ((await stat(dataDir)).mode & 0o010));
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    await chmod(path.join(dataDir, entry.name), entry.isDirectory() ? 0o700 : 0o600).catch(() => undefined);
  }
}

export interface Relay {
  server: Server;
  ctx: Context;
  hub: SyncHub;
  /** The address the relay listens on, e.g. http://127.0.0.1:8787 */
  url: string;
  close(): Promise<void>;
}

/** Builds the relay: store, API, sync; listens on config.host:config.port. */
export async function startRelay(config: Config, log: Logger, now: () => Date = () => new Date()): Promise<Relay> {
  await makePrivate(config.dataDir);
  const db = await openStore(config);
  await migrate(db);
  explainScans(db, config.explainScans);
  const node = new RelayNode(db, config.cluster.nodeLeaseMs, log);
  await node.start();
  // On a fixed address still free, the relay that listened there before (this one before a
  // restart) is gone: its claims are taken back before the senders start, not a lease later.
  if (config.port !== 0 && (await addressFree(config.host, config.port))) await node.listening(`http://${config.host}:${config.port}`);
  const hashing = new HashPool(config.hashing.threads, config.hashing.queue);

  let hub: SyncHub | null = null;
  const noticeListeners: (() => void)[] = [];
  const events: RelayEvents = {
    accessChanged: async (activityId) => hub?.accessChanged(activityId),
    sessionsRevoked: (userId) => hub?.disconnectUser(userId),
    renamed: (userId, name) => hub?.renamed(userId, name),
    filesChanged: async (activityId, change) => hub?.filesChanged(activityId, change),
    noticesPending: () => {
      for (const listener of noticeListeners) listener();
    },
    onNoticesPending: (listener) => void noticeListeners.push(listener),
  };
  const passwordGuesses = new SignInThrottle(() => performance.now());
  const rates = new SharedRates();
  const documents: LiveDocuments = {
    state: async (activityId) => {
      if (!hub) throw new Error('the relay is starting');
      return hub.documentState(activityId);
    },
    apply: async (activityId, userId, update, options) => {
      if (!hub) throw new Error('the relay is starting');
      return hub.applyChange(activityId, userId, update, options);
    },
    close: async (activityId, reason) => {
      if (!hub) throw new Error('the relay is starting');
      return hub.closeForGood(activityId, reason);
    },
  };
  const base = { db, node, config, log, now, events, documents, hashing, passwordGuesses, rates };
  const ctx: Context = { ...base, sms: new SmsService(base), mail: new MailService(base) };
  const disk = new DiskWatch(config.dataDir, config.sync.minFreeDiskBytes, log);
  await disk.start();
  hub = new SyncHub(ctx, disk);
  const liveHub = hub;
  passwordGuesses.onFailure((account, address) => liveHub.signInFailed(account, address));
  rates.connect((name, key, at, change) => liveHub.rateChanged(name, key, at, change));
  await liveHub.start();
  const shared = liveHub.sharedCounts;
  if (shared) {
    rates.shareThrough(shared.rates, log);
    passwordGuesses.shareThrough(shared.signIns, log);
  }

  const router = new Router();
  router.on('GET', '/healthz', async () => ({ body: { ok: true } }));
  const modules = relayModules(ctx);
  for (const m of modules) m.routes?.(router);
  for (const m of modules) await m.start?.();

  const proxies = TrustedProxies.parse(config.trustedProxies);
  const connections = new ConnectionCap(config.maxHttpConnectionsPerAddress, proxies);
  const server = createServer((req, res) => {
    if (connections.wasRefused(req.socket)) return;
    const url = new URL(req.url ?? '/', 'http://relay');
    if (handleCors(req, res, url.pathname)) return;
    void (async () => {
      try {
        if (!url.pathname.startsWith('/api/') && url.pathname !== '/healthz' && !router.handles(req.method ?? 'GET', url.pathname)) {
          const file = config.webRoot && req.method === 'GET' ? await serveStatic(config.webRoot, url.pathname) : null;
          if (file) return send(res, file);
        }
        if (disk.low && writes(req.method, url.pathname)) {
          throw new Refusal(ErrorCode.diskFull, 'The relay is low on disk space: nothing can be saved until space is freed.');
        }
        const { handler, params } = router.match(req.method ?? 'GET', url.pathname);
        const address = proxies.clientOf(req.socket.remoteAddress, req.headers['x-forwarded-for']);
        const reply = await handler({ method: req.method as Method, path: url.pathname, params, query: url.searchParams, raw: req, address });
        send(res, reply);
      } catch (err) {
        const refusal = err instanceof Refusal ? err : internalRefusal();
        if (!(err instanceof Refusal)) log.error({ err, path: loggablePath(url.pathname) }, 'request failed');
        if (!res.headersSent) send(res, errorReply(refusal));
        else res.end();
        // A body we refused to read must not linger on the connection.
        if (refusal.code === ErrorCode.payloadTooLarge) req.destroy();
      }
    })();
  });
  connections.attach(server);
  const upgrade = syncUpgrade(ctx, liveHub);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (connections.wasRefused(socket)) return;
    connections.release(socket);
    void upgrade(req, socket, head, proxies.clientOf(req.socket.remoteAddress, req.headers['x-forwarded-for']));
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Links in e-mails point here unless CONCLAVE_PUBLIC_URL says where people reach the relay.
  config.publicUrl ??= `http://${config.host}:${port}`;
  await node.listening(`http://${config.host}:${port}`);

  let closing: Promise<void> | null = null;
  return {
    server,
    ctx,
    hub: liveHub,
    url: `http://${config.host}:${port}`,
    close() {
      closing ??= (async () => {
        server.close();
        await liveHub.drain();
        await disk.stop();
        for (const m of [...modules].reverse()) await m.stop?.();
        server.closeAllConnections();
        // Last: what this node still had claimed is taken back by the others at once.
        await node.stop();
        await db.close();
        await hashing.close();
      })();
      return closing;
    },
  };
}

/**
 * API requests that store something. Signing in and out and sync tickets are excepted:
 * they are tiny, and without them nobody could even read.
 */
function writes(method: string | undefined, pathname: string) {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || !pathname.startsWith('/api/')) return false;
  return pathname !== '/api/session' && !pathname.endsWith('/sync-ticket');
}
