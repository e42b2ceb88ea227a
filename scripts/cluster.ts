/**
 * `npm run cluster`: several relay nodes on one machine, as issue 19 runs them, for a
 * newcomer to try (README "Several relay nodes"). N nodes (`--nodes N` or
 * CONCLAVE_CLUSTER_NODES, default 3) on one PostgreSQL — CONCLAVE_DATABASE_URL's, or Debian's
 * `postgres` on a free loopback port, its cluster kept in CONCLAVE_DATA_DIR/postgres (made by
 * `initdb` at the first start, found again at the next), started and stopped here — and one
 * Redis (CONCLAVE_REDIS_URL, or a `redis-server` in memory on a free loopback port, started
 * and stopped here). A small TCP
 * balancer listens on PORT (default 8787) and hands each connection to the next node in
 * turn; the nodes listen on the ports after it (8788, 8789…), each reachable on its own.
 * Every node's sync tickets name the balancer (CONCLAVE_PUBLIC_URL), so a client whose
 * node dies reconnects through it to another. The nodes share one secret key
 * (CONCLAVE_SECRET_KEY, or one kept in CONCLAVE_DATA_DIR/secret-key). Ctrl+C stops them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startBalancer, type Balancer } from './lib/balancer.ts';
import { startPostgres, type PostgresServer } from './lib/postgres-server.ts';
import { startRedis, type RedisProcess } from './lib/redis-server.ts';
import { keptSecretKey } from './lib/secret-key.ts';
import { ensureWebBuild, webRoot } from './web-build.ts';

const root = path.resolve(import.meta.dirname, '..');
/** More than this many nodes on one machine only share its cores. */
const mostNodes = 16;

function nodeCount(): number {
  const flag = process.argv.indexOf('--nodes');
  const raw = flag >= 0 ? process.argv[flag + 1] : process.env.CONCLAVE_CLUSTER_NODES;
  if (raw === undefined || raw === '') return 3;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > mostNodes) throw new Error(`--nodes takes a whole number from 1 to ${mostNodes}, not "${raw}"`);
  return n;
}

interface Node {
  index: number;
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/** Starts node `index` on `port`; resolves once it listens. Its output goes to this terminal, each line marked with the node. */
function startNode(index: number, port: number, env: Record<string, string>): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let pending = '';
    const onData = (data: Buffer) => {
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const listening = /^CONCLAVE_RELAY_LISTENING (\S+)/.exec(line);
        if (listening?.[1]) resolve({ index, url: listening[1], child, exited });
        else process.stdout.write(`[node ${index}] ${line}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`node ${index} exited (${signal ?? code}) before it listened`)));
  });
}

const count = nodeCount();
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port + count > 65535) throw new Error(`PORT must leave room for the balancer and ${count} nodes after it`);

// CONCLAVE_WEB_ROOT given (empty: the API alone) is served as it is; otherwise the client is built if need be.
const web = process.env.CONCLAVE_WEB_ROOT ?? (ensureWebBuild(), webRoot);
const dataDir = path.resolve(process.env.CONCLAVE_DATA_DIR ?? './data');
let postgres: PostgresServer | null = null;
let redis: RedisProcess | null = null;
const nodes: Node[] = [];
let balancer: Balancer | null = null;
let stopping = false;

/** Stops, in the reverse order of their start, whatever this script started. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const node of nodes) if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGTERM');
  await Promise.all(nodes.map((n) => n.exited));
  await balancer?.close();
  await redis?.stop();
  await postgres?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

let database = process.env.CONCLAVE_DATABASE_URL ?? '';
try {
  if (!database) {
    postgres = await startPostgres({ dir: path.join(dataDir, 'postgres') });
    database = await postgres.ensureDatabase('conclave');
    console.log(`conclave: PostgreSQL on ${database} (its cluster in ${path.join(dataDir, 'postgres')}, kept; stopped with the cluster)`);
  }
  if (!process.env.CONCLAVE_REDIS_URL) {
    redis = await startRedis();
    console.log(`conclave: redis-server on ${redis.url} (in memory, stopped with the cluster)`);
  }
} catch (err) {
  console.error(`\nconclave: the cluster did not start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
const publicUrl = process.env.CONCLAVE_PUBLIC_URL ?? `http://${host}:${port}`;
const env = {
  HOST: host,
  CONCLAVE_WEB_ROOT: web,
  CONCLAVE_PUBLIC_URL: publicUrl,
  CONCLAVE_DATA_DIR: dataDir,
  CONCLAVE_DATABASE_URL: database,
  CONCLAVE_REDIS_URL: redis?.url ?? process.env.CONCLAVE_REDIS_URL!,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // Anonymous polls on PostgreSQL need the relay's key (server/polls/sealing.ts): one for every node.
  CONCLAVE_SECRET_KEY: process.env.CONCLAVE_SECRET_KEY || keptSecretKey(path.join(dataDir, 'secret-key')),
};

try {
  // The first node brings the store's schema up to date alone; the others start after it.
  nodes.push(await startNode(0, port + 1, env));
  nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => startNode(i + 1, port + 2 + i, env)))));
  let turn = 0;
  balancer = await startBalancer(
    () => {
      const live = nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null).map((n) => n.url);
      turn = (turn + 1) % Math.max(1, live.length);
      return [...live.slice(turn), ...live.slice(0, turn)];
    },
    { port, host },
  );
} catch (err) {
  console.error(`\nconclave: the cluster did not start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}

for (const node of nodes) {
  void node.exited.then(() => {
    if (stopping) return;
    const left = nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null).length;
    console.log(`conclave: node ${node.index} (pid ${node.child.pid}) stopped; ${left} node(s) go on. Its clients reconnect through ${publicUrl}.`);
    if (left === 0) void shutdown(1);
  });
}

console.log(`\nConclave: ${count} relay node(s) on one PostgreSQL (${postgres ? 'started here' : 'CONCLAVE_DATABASE_URL'}) and one Redis (${redis ? 'started here' : 'CONCLAVE_REDIS_URL'}); temporary files in ${dataDir}, attached files and idea photos in the database.`);
console.log(`\n  open ${publicUrl}/   (the balancer: each connection to the next node)\n`);
for (const node of nodes) console.log(`  node ${node.index}: ${node.url}   pid ${node.child.pid}   (kill ${node.child.pid} to stop it)`);
console.log('\nStop with Ctrl+C.');
