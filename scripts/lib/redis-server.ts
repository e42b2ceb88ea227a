import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, as the kernel hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Debian's `redis-server` on a free loopback port, in memory only (no RDB, no AOF),
 * with room in each subscriber's output for the largest document twice over:
 * what several relay nodes share live (the cluster tests, `npm run cluster`). Resolves once it accepts
 * connections; `stop` ends it (SIGTERM, then waits for its exit).
 */
export async function startRedis(): Promise<RedisProcess> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      return await startOn(port);
    } catch (err) {
      // Another process took the port between our probe and Redis's bind: try another.
      if (attempt >= 3) throw err;
    }
  }
}

/** Starts `redis-server` on `port` (a Redis restarted where its clients expect it: they reconnect to it). */
export async function startRedisOn(port: number): Promise<RedisProcess> {
  return startOn(port);
}

async function startOn(port: number): Promise<RedisProcess> {
  // Room for a document's whole state (CONCLAVE_MAX_DOCUMENT_BYTES, 32 MiB) twice over in what a node is sent (server/cluster/redis-output-limit.ts).
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--client-output-buffer-limit', 'pubsub 128mb 64mb 60'];
  const child = spawn('redis-server', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 20_000);
    const onData = () => {
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not run (apt-get install -y redis-server): ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
