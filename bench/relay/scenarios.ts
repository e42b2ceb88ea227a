import sqlite3 from 'sqlite3';
import { LoadProcess } from './worker-link.ts';
import type { ReferenceServer} from './servers.ts';
import { ConclaveServer, cpuMsOf, rssOf, sqliteGet, type ServerUnderTest } from './servers.ts';

export interface LoadSpec {
  clients: number;
  rooms: number;
  updatesPerSecond: number;
  warmupMs: number;
  measureMs: number;
  /** The servers take turns carrying the load, this long each. */
  sliceMs: number;
}

export interface LoadFigures {
  server: string;
  connected: number;
  p50: number;
  p99: number;
  max: number;
  /** Deliveries to peers received, of those the updates sent should cause. */
  delivered: number;
  expected: number;
  /** Updates sent per second of this server's turns. */
  sentPerSecond: number;
  /** Rows added to the update log per second of this server's turns, and whether every update was. */
  persistedPerSecond: number | null;
  persistedAll: boolean | null;
  rssBytes: number;
  /** CPU time the server used (all threads; every node of a cluster) per update sent to it, in ms. */
  cpuMsPerUpdate: number;
  /** The same for the services it runs on apart (PostgreSQL, Redis); null when it has none. */
  serviceCpuMsPerUpdate: number | null;
  /** The load process: CPU it used (% of one core) and its event-loop delay p99 (ms). */
  loadCpuPercent: number;
  loadLoopDelayP99: number;
  loadGcMaxMs: number;
  loadHeapMB: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const loggedUpdates = (server: ServerUnderTest): Promise<number | null> => server.loggedUpdates?.() ?? Promise.resolve(null);
const cpuMs = (server: ServerUnderTest): Promise<number> => server.cpuMs?.() ?? cpuMsOf(server.pid);
const serviceCpuMs = (server: ServerUnderTest): Promise<number | null> => server.serviceCpuMs?.() ?? Promise.resolve(null);

/**
 * N clients over M rooms on every server, each client sending small updates; the
 * servers take turns (slices of `sliceMs`) carrying the same fixed total rate.
 */
export async function runLoad(servers: ServerUnderTest[], spec: LoadSpec): Promise<LoadFigures[]> {
  const groups = [];
  for (const server of servers) groups.push(await server.clientUrls(spec.rooms, spec.clients / spec.rooms));
  const worker = LoadProcess.start();
  try {
    const c = await worker.connect(groups);
    if (c.failed > 0) throw new Error(`${c.failed} clients could not connect (${c.firstError})`);
    const before = await Promise.all(servers.map(loggedUpdates));
    const cpuBefore = await Promise.all(servers.map(cpuMs));
    const serviceBefore = await Promise.all(servers.map(serviceCpuMs));
    const results = await worker.load(spec.updatesPerSecond, spec.warmupMs, spec.measureMs, spec.sliceMs);
    const cpuAfter = await Promise.all(servers.map(cpuMs));
    const serviceAfter = await Promise.all(servers.map(serviceCpuMs));
    // A server that fell behind may still be committing: give it up to 15 s to catch up.
    const caughtUp = async (server: ServerUnderTest, i: number) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const n = await loggedUpdates(server);
        if (n === null || n - (before[i] ?? 0) >= results[i]!.sentTotal || Date.now() > deadline) return n;
        await sleep(250);
      }
    };
    const after = await Promise.all(servers.map(caughtUp));
    return await Promise.all(
      servers.map(async (server, i) => {
        const r = results[i]!;
        const sorted = r.latencies.sort();
        const was = before[i];
        const is = after[i];
        const persisted = was === null || was === undefined || is === null || is === undefined ? null : is - was;
        return {
          server: server.name,
          connected: spec.clients,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? NaN,
          delivered: r.received,
          expected: r.expected,
          sentPerSecond: r.sentTotal / (r.activeMs / 1000),
          persistedPerSecond: persisted === null ? null : persisted / (r.activeMs / 1000),
          persistedAll: persisted === null ? null : persisted === r.sentTotal,
          rssBytes: await (server.rssBytes?.() ?? rssOf(server.pid)),
          cpuMsPerUpdate: (cpuAfter[i]! - cpuBefore[i]!) / r.sentTotal,
          serviceCpuMsPerUpdate: serviceAfter[i] == null || serviceBefore[i] == null ? null : (serviceAfter[i]! - serviceBefore[i]!) / r.sentTotal,
          loadCpuPercent: r.loadCpuPercent,
          loadLoopDelayP99: r.loadLoopDelayP99,
          loadGcMaxMs: r.loadGcMaxMs,
          loadHeapMB: r.loadHeapMB,
        };
      }),
    );
  } finally {
    await worker.disconnect().catch(() => undefined);
    await worker.stop();
  }
}

async function steadyRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(await rssOf(pid));
    await sleep(250);
  }
  return samples.sort((a, b) => a - b)[2]!;
}

export interface MemoryFigures {
  documents: number;
  baselineBytes: number;
  /** RSS with one client in each of `documents` rooms, the documents empty. */
  connectedBytes: number;
  /** RSS once each client added the sample board (~25 kB encoded) to its document. */
  loadedBytes: number;
  perDocumentBytes: number;
  perConnectionBytes: number;
  perBoardBytes: number;
}

/**
 * Memory per loaded document: the server's RSS with `documents` rooms loaded, one
 * client each, minus its RSS before; split into what an open room with one connection
 * costs, and what the board's content adds.
 */
export async function runMemory(server: ServerUnderTest, documents: number): Promise<MemoryFigures> {
  const urls = await server.clientUrls(documents, 1);
  const worker = LoadProcess.start();
  try {
    await sleep(1000);
    const baselineBytes = await steadyRss(server.pid);
    const c = await worker.connect([urls]);
    if (c.failed > 0) throw new Error(`${server.name}: ${c.failed} clients could not connect (${c.firstError})`);
    await sleep(2000);
    const connectedBytes = await steadyRss(server.pid);
    await worker.uploadBoard();
    await sleep(3000);
    const loadedBytes = await steadyRss(server.pid);
    return {
      documents,
      baselineBytes,
      connectedBytes,
      loadedBytes,
      perDocumentBytes: (loadedBytes - baselineBytes) / documents,
      perConnectionBytes: (connectedBytes - baselineBytes) / documents,
      perBoardBytes: (loadedBytes - connectedBytes) / documents,
    };
  } finally {
    await worker.disconnect().catch(() => undefined);
    await worker.stop();
  }
}

export interface HistoryFigures {
  updates: number;
  bytes: number;
  /** Updates per second while one writer typed as fast as the server confirmed. */
  buildPerSecond: number;
  /** Rows the build added to the update log, and how many rows no snapshot covered yet (Conclave only). */
  logged: number | null;
  unsnapshotted: number | null;
  loads: { label: string; ms: number[]; stateBytes: number; textLength: number }[];
}

export function median(values: number[]) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * A document with `updates` updates in its history (one writer typing, one peer
 * watching), then timed loads. Conclave: restart the relay and time connect → synced,
 * as stored (snapshot + tail) and from the log alone (snapshot removed); then warm.
 * Reference: it keeps documents only in memory, so time what a log-backed server does
 * on load (replay the same updates into a Y.Doc, encode) and its warm connect → synced.
 */
export async function runHistory(server: ConclaveServer | ReferenceServer, updates: number, samples: number): Promise<HistoryFigures> {
  const worker = LoadProcess.start();
  try {
    const [[writer, observer]] = (await server.clientUrls(1, 2)) as [[string, string]];
    const count = async () =>
      server instanceof ConclaveServer ? (await sqliteGet<{ n: number }>(server.dbFile, 'SELECT count(*) AS n FROM doc_updates')).n : 0;
    // A new activity's document already holds its seeded content: count only what the build adds.
    const seeded = await count();
    const built = await worker.buildHistory(writer, observer, updates);
    const loads: HistoryFigures['loads'] = [];
    const timed = async (label: string, once: () => Promise<{ ms: number; bytes: number; textLength: number }>) => {
      const results = [];
      for (let i = 0; i < samples; i++) results.push(await once());
      loads.push({ label, ms: results.map((r) => r.ms), stateBytes: results[0]!.bytes, textLength: results[0]!.textLength });
    };
    const syncOnce = async () => {
      const [[url]] = (await server.clientUrls(1, 1)) as [[string]];
      return worker.timeSync(url);
    };
    let logged: number | null = null;
    let unsnapshotted: number | null = null;
    if (server instanceof ConclaveServer) {
      logged = (await count()) - seeded;
      unsnapshotted = (
        await sqliteGet<{ n: number }>(
          server.dbFile,
          'SELECT count(*) AS n FROM doc_updates WHERE id > coalesce((SELECT max(upto_id) FROM doc_snapshots), 0)',
        )
      ).n;
      await timed('cold, as stored (snapshot + log tail)', async () => {
        await server.whileStopped(async () => undefined);
        return syncOnce();
      });
      await timed('cold, whole log replayed (snapshot removed)', async () => {
        await server.whileStopped(async (db) => {
          await sqliteGet(db, 'DELETE FROM doc_snapshots', sqlite3.OPEN_READWRITE);
        });
        return syncOnce();
      });
      await timed('warm (document already loaded)', syncOnce);
    } else {
      await timed('replay of the same updates into a Y.Doc + encode (log-backed load)', () => worker.replayHistory());
      await timed('warm (document in memory)', syncOnce);
    }
    return { updates: built.updates, bytes: built.bytes, buildPerSecond: built.updates / (built.ms / 1000), logged, unsnapshotted, loads };
  } finally {
    await worker.stop();
  }
}
