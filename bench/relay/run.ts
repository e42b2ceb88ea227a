/**
 * `npm run bench:relay`: Conclave's relay against `@y/websocket-server` 0.1.1 (in memory,
 * no auth) on the same loads in the same run. Each server runs in its own process,
 * the clients in another (load-worker.ts). Writes the Relay section of bench/RESULTS.md.
 *
 * BENCH_RELAY_QUICK=1 runs everything at a tenth of the size (to check the bench works);
 * BENCH_RELAY_ONLY=small,large,memory,history runs some parts and records nothing;
 * BENCH_RELAY_CPU_PROF=<dir> has Conclave's relay write CPU profiles there (node --cpu-prof);
 * BENCH_RELAY_ROOT=<dir> runs the relay from another checkout (see servers.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { relaySection, recordRelaySection, scenarioName, type RelayResults } from './report.ts';
import { median, runHistory, runLoad, runMemory, type LoadFigures, type LoadSpec } from './scenarios.ts';
import { boardTemplate } from './board.ts';
import { ConclaveServer, ReferenceServer, benchRelayEnv, relayRoot, type ServerUnderTest } from './servers.ts';

const quick = process.env.BENCH_RELAY_QUICK === '1';
const scale = quick ? 0.1 : 1;
const measureMs = quick ? 6000 : 30_000;
const warmupMs = quick ? 3000 : 6000;
const sliceMs = 1000;

const scenarios: LoadSpec[] = [
  { clients: 200 * scale, rooms: 50 * scale, updatesPerSecond: 200 * scale, warmupMs, measureMs, sliceMs },
  { clients: 2000 * scale, rooms: 500 * scale, updatesPerSecond: 2000 * scale, warmupMs, measureMs, sliceMs },
];
/** Conclave as shipped, Conclave without fsync per commit, the reference: they take turns. */
const loadServers = async (): Promise<ServerUnderTest[]> => [
  await ConclaveServer.start('load-full'),
  await ConclaveServer.start('load-normal', { CONCLAVE_SQLITE_SYNCHRONOUS: 'NORMAL' }, 'Conclave, synchronous=NORMAL'),
  await ReferenceServer.start(),
];
const memoryDocuments = 500 * scale;
const historyUpdates = 100_000 * scale;
const only = process.env.BENCH_RELAY_ONLY?.split(',') ?? null;
const wanted = (part: 'small' | 'large' | 'memory' | 'history') => only === null || only.includes(part);

async function withServer<T>(start: () => Promise<ServerUnderTest>, work: (s: ServerUnderTest) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

const ours = (label: string) => () => ConclaveServer.start(label);
const reference = () => ReferenceServer.start();
const started = Date.now();
const log = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}`);
/** How busy the shared machine was: load average, and the share of time tasks waited for a CPU. */
function busy() {
  let pressure = '';
  try {
    const avg60 = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    if (avg60) pressure = `, CPU pressure ${avg60}% (some, 60 s)`;
  } catch {
    // no PSI on this kernel
  }
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}${pressure}`;
}
const atStart = busy();

/** Which relay was measured: the tree's commit, and whether server/ or core/ had changes not yet committed. */
function relaySource() {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: relayRoot, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'server', 'core') !== '';
    return `commit ${commit}${dirty ? ' plus uncommitted changes in server/ or core/' : ''}`;
  } catch {
    return `a copy at ${relayRoot} (BENCH_RELAY_ROOT)`;
  }
}
const source = relaySource();

const loads: RelayResults['scenarios'] = [];
let memory: RelayResults['memory'] | null = null;
let history: RelayResults['history'] | null = null;
for (const spec of scenarios.filter((_, i) => wanted(i === 0 ? 'small' : 'large'))) {
  log(`${scenarioName(spec)}`);
  const servers = await loadServers();
  let figures;
  try {
    figures = await runLoad(servers, spec);
  } finally {
    for (const server of servers) await server.stop();
  }
  for (const f of figures) {
    log(
      `  ${f.server}: p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, persisted ${f.persistedPerSecond?.toFixed(0) ?? '—'}/s, CPU ${f.cpuMsPerUpdate.toFixed(3)} ms/update`,
    );
  }
  const l = figures[0]!;
  log(
    `  load process: ${l.loadCpuPercent.toFixed(0)}% of a core, event-loop delay p99 ${l.loadLoopDelayP99.toFixed(1)} ms, longest GC ${l.loadGcMaxMs.toFixed(1)} ms, heap ${l.loadHeapMB.toFixed(0)} MB`,
  );
  loads.push({ spec, figures });
}

if (wanted('memory')) {
  log(`memory: ${memoryDocuments} documents loaded`);
  const memRef = await withServer(reference, (s) => runMemory(s, memoryDocuments));
  const memOurs = await withServer(ours('memory'), (s) => runMemory(s, memoryDocuments));
  memory = { ours: memOurs, reference: memRef };
  log(`  per document: Conclave ${(memOurs.perDocumentBytes / 1024).toFixed(1)} kB, reference ${(memRef.perDocumentBytes / 1024).toFixed(1)} kB`);
}

if (wanted('history')) {
  log(`history of ${historyUpdates} updates`);
  const histRef = await withServer(reference, (s) => runHistory(s as ReferenceServer, historyUpdates, 3));
  const histOurs = await withServer(ours('history'), (s) => runHistory(s as ConclaveServer, historyUpdates, 3));
  history = { ours: histOurs, reference: histRef };
  for (const l of [...histOurs.loads, ...histRef.loads]) log(`  ${l.label}: ${median(l.ms).toFixed(1)} ms`);
}

if (only !== null || !memory || !history) {
  log('a part was left out (BENCH_RELAY_ONLY): nothing recorded');
  process.exit(0);
}
const histOurs = history.ours;

const big = loads.at(-1)!;
const coldStored = median(histOurs.loads[0]!.ms);
const coldLog = median(histOurs.loads[1]!.ms);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
/** Above this event-loop delay (p99) the load process itself was starved: its latencies mean little. */
const starvedMs = 25;
const judged = (f: LoadFigures, ref: LoadFigures, ok: boolean) =>
  f.loadLoopDelayP99 > starvedMs
    ? `${verdict(ok)}, but INCONCLUSIVE: the load process was starved of CPU by other work on the machine (its event-loop delay p99 ${f.loadLoopDelayP99.toFixed(0)} ms; the reference's own p99 ${ref.p99.toFixed(0)} ms)`
    : verdict(ok);
const aims = [
  ...loads.map(
    ({ spec, figures: [o, , r] }) =>
      `p99 within 1.5× of the reference while persisting every update, ${scenarioName(spec)}: ${(o!.p99 / r!.p99).toFixed(2)}× — ${judged(o!, r!, o!.p99 <= 1.5 * r!.p99 && o!.persistedAll === true)}`,
  ),
  `${scenarioName(big.spec)} with p99 under 100 ms: ${big.figures[0]!.p99.toFixed(1)} ms — ${judged(big.figures[0]!, big.figures[2]!, big.figures[0]!.p99 < 100)}`,
  `the ${historyUpdates.toLocaleString('en-US')}-update document loads cold in under 300 ms: ${coldStored.toFixed(1)} ms as stored — ${verdict(coldStored < 300)}; ${coldLog.toFixed(1)} ms replaying the whole log — ${verdict(coldLog < 300)}`,
];

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}; at start ${atStart}; at end ${busy()}`;
const results: RelayResults = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  command: quick ? 'BENCH_RELAY_QUICK=1 npm run bench:relay' : 'npm run bench:relay',
  machine,
  settings: [
    `Conclave (${source}) runs as shipped (\`server/main.ts\`: tickets, SQLite with \`synchronous=FULL\`, group commit,`,
    'commit before broadcast, snapshot every 1,000 updates) with its throttles lifted so the load is',
    `not limited: ${Object.entries(benchRelayEnv)
      .map(([k, v]) => `\`${k}=${v}\``)
      .join(', ')}.`,
    'The reference is `@y/websocket-server` 0.1.1 run from its own `src/server.js` (in memory, no auth,',
    'no persistence). Clients are raw y-websocket clients (sync step 1/2, updates, one awareness',
    'state each) in one separate load process; each update is a `Y.Map` set carrying its send time,',
    'and latency is measured from send to a peer in the same room receiving it (same process clock).',
    'All servers of a scenario run at once, each with its own clients connected; they take turns',
    `carrying the load in ${sliceMs / 1000} s slices (${warmupMs / 1000} s warm-up, then ${measureMs / 1000} s measured, so about`,
    `${Math.round(measureMs / 3000)} s each), so that each meets the same machine — it is shared and its other load varies.`,
    '"Conclave, synchronous=NORMAL" is the same relay with `CONCLAVE_SQLITE_SYNCHRONOUS=NORMAL`: still',
    'committed to the SQLite WAL before broadcast (survives a kill -9 of the relay), but not fsynced',
    'per commit (an OS crash or power cut may lose the last commits).',
    `Memory: ${memoryDocuments} rooms, one client each, then each client adds a sample board (SWOT of 40 items,`,
    `40 comments, notes typed in 2,000 keystrokes: ${(boardTemplate().length / 1024).toFixed(1)} kB encoded); RSS read from /proc, median of 5.`,
  ].join('\n'),
  scenarios: loads,
  memory,
  history,
  aims,
};

const section = relaySection(results);
console.log(`\n${section}`);
const file = await recordRelaySection(section);
log(`written to ${file}`);
