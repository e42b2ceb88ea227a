/**
 * `npm run bench:cluster` (also run by `npm run bench`, as every bench/<name>/run.ts):
 * issue 19's measure of what each engine and each node costs. The same load, in the same
 * run, on four configurations of Conclave's relay: one node on SQLite (as `npm start`), one
 * node on PostgreSQL, and two and three nodes on PostgreSQL + Redis, clients spread across
 * the nodes so that peers sit on other nodes than the sender. Stock y-websocket clients in
 * one load process, as bench:relay drives them (bench/relay/: the configurations take turns
 * carrying the load in 1 s slices). Writes the "Cluster" section of bench/RESULTS.md.
 *
 * BENCH_CLUSTER_QUICK=1 runs it at a tenth of the size (to check the bench works) and
 * records nothing.
 */
import { cpus, loadavg } from 'node:os';
import { recordSection, scenarioName } from '../relay/report.ts';
import { runLoad, type LoadSpec } from '../relay/scenarios.ts';
import { ConclaveServer, benchRelayEnv, type ServerUnderTest } from '../relay/servers.ts';
import { clusterSection, type ClusterResults } from './report.ts';
import { NodesServer } from './servers.ts';

const quick = process.env.BENCH_CLUSTER_QUICK === '1';
const scale = quick ? 0.1 : 1;
const spec: LoadSpec = {
  clients: 1000 * scale,
  rooms: 250 * scale,
  updatesPerSecond: 1000 * scale,
  warmupMs: quick ? 3000 : 6000,
  measureMs: quick ? 6000 : 40_000,
  sliceMs: 1000,
};

const started = Date.now();
const log = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}`);
const busy = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
const atStart = busy();

log(`starting the four configurations (${scenarioName(spec)})`);
const servers: ServerUnderTest[] = [];
let figures;
try {
  servers.push(await ConclaveServer.start('cluster-sqlite', {}, '1 node, SQLite'));
  servers.push(await NodesServer.start({ name: '1 node, PostgreSQL', label: 'cluster-pg1', nodes: 1, redis: false }));
  servers.push(await NodesServer.start({ name: '2 nodes, PostgreSQL + Redis', label: 'cluster-pg2', nodes: 2, redis: true }));
  servers.push(await NodesServer.start({ name: '3 nodes, PostgreSQL + Redis', label: 'cluster-pg3', nodes: 3, redis: true }));
  log('load');
  figures = await runLoad(servers, spec);
} finally {
  for (const server of servers) await server.stop();
}

for (const f of figures) {
  log(
    `  ${f.server}: p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, delivered ${f.delivered}/${f.expected}, persisted ${f.persistedPerSecond?.toFixed(0) ?? '—'}/s${f.persistedAll ? ' (all)' : ' (NOT all)'}, ` +
      `CPU ${f.cpuMsPerUpdate.toFixed(3)} ms/update on the nodes + ${f.serviceCpuMsPerUpdate?.toFixed(3) ?? '0'} in PostgreSQL/Redis`,
  );
}
const l = figures[0]!;
log(`  load process: ${l.loadCpuPercent.toFixed(0)}% of a core, event-loop delay p99 ${l.loadLoopDelayP99.toFixed(1)} ms`);

const results: ClusterResults = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  command: quick ? 'BENCH_CLUSTER_QUICK=1 npm run bench:cluster' : 'npm run bench:cluster',
  machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}; at start ${atStart}; at end ${busy()}`,
  cores: cpus().length,
  lifted: Object.entries(benchRelayEnv)
    .map(([k, v]) => `\`${k}=${v}\``)
    .join(', '),
  spec,
  figures,
};
const section = clusterSection(results);
console.log(`\n${section}`);
if (quick) {
  log('quick size (BENCH_CLUSTER_QUICK=1): nothing recorded');
} else {
  log(`written to ${await recordSection('Cluster', section)}`);
}
