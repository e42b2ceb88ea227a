import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres } from './postgres.ts';
import { startRedis, type RedisProcess } from './redis.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from './relay.ts';

export { startBalancer, type Balancer } from '../../scripts/lib/balancer.ts';

/**
 * Several relay processes on one store and one Redis: nodes of one relay. They start one
 * after the other (the first migrates the store). `CONCLAVE_PUBLIC_URL` is the balancer's,
 * so sync tickets send clients to it.
 */
export async function startNodes(
  count: number,
  options: { redisUrl: string; publicUrl?: string; env?: Record<string, string> },
): Promise<{ dataDir: string; nodes: RelayProcess[] }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cluster-sync-'));
  const nodes: RelayProcess[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push(
      await startRelayProcess({
        dataDir,
        env: {
          CONCLAVE_REDIS_URL: options.redisUrl,
          ...(options.publicUrl ? { CONCLAVE_PUBLIC_URL: options.publicUrl } : {}),
          ...options.env,
        },
      }),
    );
  }
  return { dataDir, nodes };
}

export interface NodesOnRedis {
  nodes: RelayProcess[];
  /** The redis-server they share (a test may stop it: `stop` below stops it only if it runs). */
  redis: RedisProcess;
  dataDir: string;
  /** Stops the nodes, then the redis-server and PostgreSQL started for them, and removes the data folder. */
  stop(): Promise<void>;
}

/**
 * `count` relay nodes on a redis-server of their own, and on the SQLite file of their data
 * folder or, with `postgres`, on a PostgreSQL of their own (a temporary cluster), each with
 * `env` besides: as a cluster test's `beforeAll` starts them, with the one `stop` its
 * `afterAll` calls (it stops the nodes in `nodes` then: put a restarted node in its place).
 */
export async function startNodesOnRedis(count: number, options: { postgres?: boolean; env?: Record<string, string> } = {}): Promise<NodesOnRedis> {
  const redis = await startRedis();
  const postgres = options.postgres ? await startPostgres() : null;
  try {
    const env: Record<string, string> = { ...options.env, ...(postgres ? { CONCLAVE_DATABASE_URL: await postgres.createDatabase() } : {}) };
    const { nodes, dataDir } = await startNodes(count, { redisUrl: redis.url, env });
    return {
      nodes,
      redis,
      dataDir,
      async stop() {
        for (const node of nodes) await node.stop();
        await redis.stop();
        await postgres?.stop();
        await removeDataDir(dataDir);
      },
    };
  } catch (err) {
    await redis.stop();
    await postgres?.stop();
    throw err;
  }
}
