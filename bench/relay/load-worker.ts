/**
 * The load process: holds the benchmark's clients, apart from the servers under test.
 * It takes one request at a time from the bench over IPC (see messages.ts).
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import * as Y from 'yjs';
import { boardTemplate } from './board.ts';
import type { BuildResult, ConnectResult, LoadResult, TimedSync, WorkerReply, WorkerRequest } from './messages.ts';
import { RawClient } from './raw-client.ts';

interface Peer {
  client: RawClient;
  group: number;
  room: number;
  key: string;
}

let peers: Peer[] = [];
/** Clients per room, per group. */
let roomSizes: number[][] = [];
let history: Uint8Array[] = [];

/** The current measurement window, in performance.now() time, and what each group collected. */
const measuring = {
  start: Infinity,
  end: -Infinity,
  received: [] as number[],
  latencies: [] as number[][],
};

/**
 * Reads the send time and sender the load embedded in an update: a Y.Map entry whose
 * value is the string `@@<at>|<key>|`. Found by scanning the bytes, not decoding the
 * update, so that reading thousands of updates a second costs the load process little.
 */
function stampOf(update: Uint8Array): { at: number; by: string } | null {
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const start = bytes.indexOf('@@');
  if (start === -1) return null;
  const [at, by] = bytes.toString('latin1', start + 2, Math.min(bytes.length, start + 80)).split('|');
  const sent = Number(at);
  return Number.isFinite(sent) && by ? { at: sent, by } : null;
}

/** Records a peer's update as received by client `key` (the reference also echoes to the sender: not counted). */
function receiver(group: number, key: string) {
  return (update: Uint8Array) => {
    const received = performance.now();
    const stamp = stampOf(update);
    if (stamp === null || stamp.by === key || stamp.at < measuring.start || stamp.at >= measuring.end) return;
    measuring.received[group]!++;
    measuring.latencies[group]!.push(received - stamp.at);
  };
}

async function connect(groups: string[][][], withBoard: boolean): Promise<ConnectResult> {
  const started = performance.now();
  const template = withBoard ? boardTemplate() : null;
  const jobs = groups.flatMap((rooms, group) =>
    rooms.flatMap((urls, room) => urls.map((url, i) => ({ url, group, room, key: `g${group}-r${room}-c${i}` }))),
  );
  roomSizes = groups.map((rooms) => rooms.map(() => 0));
  let failed = 0;
  let firstError: string | null = null;
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const doc = new Y.Doc();
      if (template) Y.applyUpdate(doc, template);
      const client = RawClient.open(job.url, { announce: job.key, onPeerUpdate: receiver(job.group, job.key) }, doc);
      try {
        await client.synced;
        peers.push({ client, group: job.group, room: job.room, key: job.key });
        roomSizes[job.group]![job.room]!++;
      } catch (err) {
        failed++;
        firstError ??= err instanceof Error ? err.message : String(err);
        client.close();
      }
    }
  };
  await Promise.all(Array.from({ length: 40 }, lane));
  return { connected: peers.length, failed, firstError, ms: performance.now() - started };
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends updates at a fixed total rate, round-robin over one group's clients in random
 * order; the groups (servers) take turns of `sliceMs` worth of updates each, so that every
 * server meets the same machine — other work on it comes and goes — in the same run.
 */
async function load(rate: number, warmupMs: number, measureMs: number, sliceMs: number, graceMs: number): Promise<LoadResult[]> {
  const groups = roomSizes.length;
  const orders = roomSizes.map((_, g) => shuffled(peers.filter((p) => p.group === g)));
  const started = performance.now();
  measuring.start = started + warmupMs;
  measuring.end = measuring.start + measureMs;
  measuring.received = orders.map(() => 0);
  measuring.latencies = orders.map(() => []);
  const results = orders.map(() => ({ sent: 0, expected: 0, sentTotal: 0, activeMs: 0 }));
  let dueSoFar = 0;
  let last = started;
  const cpuBefore = process.cpuUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let gcMaxMs = 0;
  const gcWatch = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
  });
  gcWatch.observe({ entryTypes: ['gc'] });
  // Turns are counted in updates, not time: if the load process stalls and catches up,
  // every server still gets the same number of updates in the same pattern.
  const perTurn = Math.max(1, Math.round((rate * sliceMs) / 1000));
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      results[Math.floor(dueSoFar / perTurn) % groups]!.activeMs += now - last;
      last = now;
      if (now >= measuring.end) {
        clearInterval(timer);
        resolve();
        return;
      }
      const due = Math.floor(((now - started) / 1000) * rate);
      for (; dueSoFar < due; dueSoFar++) {
        const group = Math.floor(dueSoFar / perTurn) % groups;
        const order = orders[group]!;
        const result = results[group]!;
        const peer = order[result.sentTotal % order.length]!;
        const at = performance.now();
        peer.client.edit((doc) => doc.getMap('load').set(peer.key, `@@${at.toFixed(3)}|${peer.key}|`));
        result.sentTotal++;
        if (at >= measuring.start) {
          result.sent++;
          result.expected += roomSizes[group]![peer.room]! - 1;
        }
      }
    }, 5);
  });
  loopDelay.disable();
  gcWatch.disconnect();
  const cpu = process.cpuUsage(cpuBefore);
  const loadCpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - started)) * 100;
  const loadLoopDelayP99 = loopDelay.percentile(99) / 1e6;
  await sleep(graceMs);
  measuring.start = Infinity;
  return results.map((r, g) => ({
    ...r,
    loadCpuPercent,
    loadLoopDelayP99,
    loadGcMaxMs: gcMaxMs,
    loadHeapMB: process.memoryUsage().heapUsed / 1024 / 1024,
    received: measuring.received[g]!,
    latencies: Float64Array.from(measuring.latencies[g]!),
  }));
}

/** Types `updates` characters, one update each, keeping at most `window` unconfirmed. */
async function buildHistory(writerUrl: string, observerUrl: string, updates: number, limit: number): Promise<BuildResult> {
  let observed = 0;
  let wake: (() => void) | null = null;
  const writer = RawClient.open(writerUrl);
  const observer = RawClient.open(observerUrl, {
    onPeerUpdate: () => {
      observed++;
      wake?.();
    },
  });
  await Promise.all([writer.synced, observer.synced]);
  const text = writer.doc.getText('notes');
  const typed = 'We could open in Lyon next spring if the lease is signed before March. ';
  history = [];
  let bytes = 0;
  const started = performance.now();
  while (observed < updates) {
    while (history.length < updates && history.length - observed < limit) {
      const ch = typed[history.length % typed.length]!;
      const update = writer.edit(() => text.insert(text.length, ch));
      if (!update) throw new Error('an edit produced no update');
      history.push(update);
      bytes += update.length;
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`history stalled at ${observed} of ${updates}`)), 30_000);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  }
  const ms = performance.now() - started;
  writer.close();
  observer.close();
  return { updates: history.length, bytes, ms };
}

/** Replays the built history into a fresh Y.Doc and encodes it: a log-backed load. */
function replayHistory(): TimedSync {
  const started = performance.now();
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const update of history) Y.applyUpdate(doc, update);
  });
  const state = Y.encodeStateAsUpdate(doc);
  const ms = performance.now() - started;
  const textLength = doc.getText('notes').length;
  doc.destroy();
  return { ms, bytes: state.length, textLength };
}

async function timeSync(url: string): Promise<TimedSync> {
  const started = performance.now();
  const client = RawClient.open(url, { applyStep2: true });
  await client.synced;
  const ms = performance.now() - started;
  const result = { ms, bytes: client.step2Bytes, textLength: client.doc.getText('notes').length };
  client.close();
  return result;
}

/** Every connected client adds the sample board to its document: one ~25 kB update each. */
async function uploadBoard() {
  const template = boardTemplate();
  for (const p of peers) p.client.edit((doc) => Y.applyUpdate(doc, template));
  await sleep(100);
}

async function disconnect() {
  const closing = peers.map((p) => p.client.closed);
  for (const p of peers) p.client.close();
  await Promise.race([Promise.all(closing), sleep(10_000)]);
  peers = [];
  roomSizes = [];
}

async function handle(req: WorkerRequest) {
  switch (req.cmd) {
    case 'connect':
      return connect(req.groups, req.withBoard);
    case 'load':
      return load(req.updatesPerSecond, req.warmupMs, req.measureMs, req.sliceMs, req.graceMs);
    case 'build-history':
      return buildHistory(req.writerUrl, req.observerUrl, req.updates, req.window);
    case 'replay-history':
      return replayHistory();
    case 'time-sync':
      return timeSync(req.url);
    case 'upload-board':
      await uploadBoard();
      return null;
    case 'disconnect':
      await disconnect();
      return null;
  }
}

process.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (value) => process.send?.({ ok: true, value } satisfies WorkerReply),
    (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies WorkerReply),
  );
});
