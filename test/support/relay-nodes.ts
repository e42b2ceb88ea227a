import { mkdtemp } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRelayProcess, type RelayProcess } from './relay.ts';

/**
 * One address in front of several relay nodes, as a load balancer is: each TCP connection
 * goes to the first node of `backends()` that accepts it (the test says which it prefers
 * when), skipping nodes that refuse. A node killed takes its connections with it; clients
 * reconnect through here to another.
 */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

export async function startBalancer(backends: () => readonly string[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pause();
    const urls = backends();
    const tryFrom = (attempt: number) => {
      if (attempt >= urls.length) return client.destroy();
      const target = new URL(urls[attempt]!);
      const upstream = connect(Number(target.port), target.hostname);
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        open.add(upstream);
        upstream.on('close', () => open.delete(upstream));
        client.pipe(upstream).pipe(client);
        client.resume();
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
      });
      upstream.once('error', () => {
        if (!connected) tryFrom(attempt + 1);
      });
    };
    tryFrom(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

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
