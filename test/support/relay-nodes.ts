import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRelayProcess, type RelayProcess } from './relay.ts';

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
