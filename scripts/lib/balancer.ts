import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * One address in front of several relay nodes, as a load balancer is: each TCP connection
 * goes to the first node of `backends()` that accepts it (a test says which it prefers
 * when; `npm run cluster` turns the list round at each connection), skipping nodes that
 * refuse. A node killed takes its connections with it; clients reconnect through here to
 * another. TCP only: it reads nothing of what it carries.
 */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

export async function startBalancer(backends: () => readonly string[], listen: { port?: number; host?: string } = {}): Promise<Balancer> {
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
  // Each connection costs two sockets: a bound on what a burst of them may take.
  server.maxConnections = 10_000;
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
