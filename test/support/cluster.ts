import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Engine } from '../../server/store/store.ts';
import { startPostgres, type PostgresCluster } from './postgres.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from './relay.ts';

export interface ClusterOptions {
  /** How many relay processes (default 3). */
  nodes?: number;
  /** Environment for every node (SMS_PROVIDER, SMTP_URL, CONCLAVE_DATABASE_URL, CONCLAVE_REDIS_URL…). */
  env?: Record<string, string>;
  /** Environment for one node only, by its index. */
  envOf?: (index: number) => Record<string, string>;
  /**
   * The data folder every node shares (the SQLite store when no CONCLAVE_DATABASE_URL is
   * given: several processes on one file, WAL and busy_timeout). A new one unless given.
   */
  dataDir?: string;
  /** Each node gets its own data folder instead (only with CONCLAVE_DATABASE_URL or a shared CONCLAVE_FILES_DIR in env). */
  ownDataDirs?: boolean;
}

export interface RelayCluster {
  nodes: RelayProcess[];
  /** The folder the nodes share (or the first node's, with `ownDataDirs`). */
  dataDir: string;
  /** Node `i`'s address. */
  url(i: number): string;
  /** Starts one more node on the same store. */
  add(env?: Record<string, string>): Promise<RelayProcess>;
  /** Stops every node still running (SIGTERM, drained), then removes the data folders it made. */
  stop(): Promise<void>;
}

/** A short node lease in tests, so a killed node's claims and jobs are taken over within seconds. */
export const testLeaseMs = '2000';

/**
 * Starts N real relay processes (`server/main.ts`) on loopback, on one store: several
 * nodes as issue 19 runs them. The first node starts alone (it brings the schema up to
 * date), the others after it, together.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<RelayCluster> {
  const count = options.nodes ?? 3;
  const shared = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'conclave-cluster-')));
  const made = options.dataDir ? [] : [shared];
  const running: RelayProcess[] = [];
  let index = 0;
  const start = async (extra: Record<string, string> = {}) => {
    const i = index++;
    const dataDir = options.ownDataDirs && i > 0 ? await mkdtemp(path.join(tmpdir(), `conclave-node${i}-`)) : shared;
    if (dataDir !== shared) made.push(dataDir);
    const env = { CONCLAVE_NODE_LEASE_MS: testLeaseMs, ...options.env, ...options.envOf?.(i), ...extra };
    const node = await startRelayProcess({ dataDir, env });
    running.push(node);
    return node;
  };
  try {
    const first = await start();
    const others = await Promise.all(Array.from({ length: count - 1 }, () => start()));
    const nodes = [first, ...others];
    return {
      nodes,
      dataDir: shared,
      url: (i) => nodes[i]!.url,
      async add(env) {
        const node = await start(env);
        nodes.push(node);
        return node;
      },
      async stop() {
        await Promise.all(running.map((n) => (n.child.exitCode === null && n.child.signalCode === null ? n.stop() : null)));
        for (const dir of made) await removeDataDir(dir);
      },
    };
  } catch (err) {
    await Promise.all(running.map((n) => n.kill9()));
    for (const dir of made) await removeDataDir(dir);
    throw err;
  }
}

/**
 * The store several nodes share, per engine (issue 19: the cluster tests run on both): on
 * SQLite nothing to add (the shared data folder's file), on PostgreSQL a new database of one
 * temporary cluster, started at first use. `stop` ends that cluster.
 */
export function clusterStores() {
  let postgres: Promise<PostgresCluster> | null = null;
  return {
    async env(engine: Engine): Promise<Record<string, string>> {
      if (engine === 'sqlite') return {};
      postgres ??= startPostgres();
      return { CONCLAVE_DATABASE_URL: await (await postgres).createDatabase() };
    },
    async stop() {
      if (postgres) await (await postgres).stop();
    },
  };
}
