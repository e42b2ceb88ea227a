import { scenarioName } from '../relay/report.ts';
import type { LoadFigures, LoadSpec } from '../relay/scenarios.ts';

export interface ClusterResults {
  date: string;
  command: string;
  machine: string;
  cores: number;
  /** The relay's throttles lifted for the bench, as a sentence's list. */
  lifted: string;
  spec: LoadSpec;
  /** 1 node on SQLite, 1 node on PostgreSQL, 2 and 3 nodes on PostgreSQL + Redis. */
  figures: LoadFigures[];
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');
const cpu = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const signed = (v: number, unit: (x: number) => string) => (Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${unit(Math.abs(v))}` : '—');

/** CPU per update, every process counted: the nodes, and PostgreSQL and Redis when apart. */
export const totalCpu = (f: LoadFigures) => f.cpuMsPerUpdate + (f.serviceCpuMsPerUpdate ?? 0);

function figuresTable(r: ClusterResults): string[] {
  const line = (measure: string, value: (f: LoadFigures) => string) => row([measure, ...r.figures.map(value)]);
  const persisted = (f: LoadFigures) => (f.persistedPerSecond === null ? '—' : `${int(f.persistedPerSecond)}${f.persistedAll ? ' (all)' : ' (NOT all)'}`);
  return [
    row(['measure', ...r.figures.map((f) => f.server)]),
    row(['---', ...r.figures.map(() => '---:')]),
    line('p50 edit-to-peer (ms)', (f) => ms(f.p50)),
    line('p99 edit-to-peer (ms)', (f) => ms(f.p99)),
    line('max (ms)', (f) => ms(f.max)),
    line('deliveries received / expected', (f) => `${int(f.delivered)} / ${int(f.expected)}`),
    line('updates sent/s (offered)', (f) => int(f.sentPerSecond)),
    line('updates persisted/s', persisted),
    line('CPU per update on the relay nodes, summed (ms)', (f) => cpu(f.cpuMsPerUpdate)),
    line('CPU per update in PostgreSQL + Redis (ms)', (f) => (f.serviceCpuMsPerUpdate === null ? '— (in the node)' : cpu(f.serviceCpuMsPerUpdate))),
    line('**CPU per update, all processes (ms)**', (f) => `**${cpu(totalCpu(f))}**`),
    line('updates/s one core carries at that cost (1,000 / CPU per update)', (f) => int(1000 / totalCpu(f))),
    line('RSS of the relay nodes at end, summed (MB)', (f) => (f.rssBytes / 1024 / 1024).toFixed(1)),
  ];
}

/** What going from one configuration to the next costs: PostgreSQL in place of SQLite, then each node more. */
function stepsTable(r: ClusterResults): string[] {
  const steps: [string, LoadFigures, LoadFigures][] = [];
  for (let i = 1; i < r.figures.length; i++) {
    const [from, to] = [r.figures[i - 1]!, r.figures[i]!];
    steps.push([`${from.server} → ${to.server}`, from, to]);
  }
  return [
    row(['step', 'p50 (ms)', 'p99 (ms)', 'CPU per update, nodes (ms)', 'CPU per update, all processes (ms)']),
    row(['---', '---:', '---:', '---:', '---:']),
    ...steps.map(([label, from, to]) =>
      row([
        label,
        signed(to.p50 - from.p50, ms),
        signed(to.p99 - from.p99, ms),
        signed(to.cpuMsPerUpdate - from.cpuMsPerUpdate, cpu),
        signed(totalCpu(to) - totalCpu(from), cpu),
      ]),
    ),
  ];
}

export function clusterSection(r: ClusterResults): string {
  return [
    '## Cluster',
    '',
    `${r.date} — \`${r.command}\` — ${r.machine}`,
    '',
    `**The nodes share this machine's ${r.cores} cores** (with PostgreSQL, Redis, the load process and`,
    'whatever else runs): a node more adds no core here, only its own cost and a hop between nodes.',
    'So read the latencies as what several nodes cost on one machine, and the CPU per update as what',
    'projects: on N machines, each node carries about (1,000 / CPU per update on the nodes) updates/s',
    'per core, and the store the rest.',
    '',
    `Same load, same run: ${scenarioName(r.spec)}, ${r.spec.clients / r.spec.rooms} clients per room.`,
    'Four configurations of the relay (`server/main.ts` as shipped, throttles lifted so the load is not',
    `limited: ${r.lifted}): one node on SQLite (\`synchronous=FULL\`), one node on`,
    'PostgreSQL (its own server, `initdb` under bench/.work, fsync on), two and three nodes on',
    'PostgreSQL + Redis (each its own servers). Clients are raw y-websocket clients in one load',
    'process; room r\'s client j connects to node (r + j) mod N, so each update reaches peers on',
    'other nodes than its sender\'s (and, for most rooms, a client whose node is not the room\'s owner:',
    'one more hop each way, `server/sync/CLUSTER.md`). Every configuration has its clients connected',
    `at once; they take turns carrying the load in ${r.spec.sliceMs / 1000} s slices (${r.spec.warmupMs / 1000} s warm-up, ${r.spec.measureMs / 1000} s measured).`,
    'Latency: an update\'s send to a peer in its room receiving it. Persisted: rows added to',
    '`doc_updates` per second of the configuration\'s turns (checked equal to updates sent). CPU from',
    '`/proc`: every relay node, and apart the PostgreSQL server (postmaster, backends, workers) and',
    'Redis; one node on SQLite does its store work in its own process. CPU is counted over the whole',
    'run (warm-up and the other configurations\' turns included) and divided by the updates sent to the',
    'configuration: each node\'s idle work (heartbeats, leases, timers) is in it, as it would be in production.',
    '',
    ...figuresTable(r),
    '',
    `Load process: ${r.figures[0]!.loadCpuPercent.toFixed(0)}% of a core, event-loop delay p99 ${ms(r.figures[0]!.loadLoopDelayP99)} ms.`,
    '',
    '### What each step adds',
    '',
    ...stepsTable(r),
    '',
  ].join('\n');
}
