import { createServer } from 'node:net';

/** Whether `port` can be listened on, on loopback, now. */
function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * `count` consecutive free loopback ports, for a program that listens on a port and the ones
 * after it (`npm run cluster`). Taken below Linux's ephemeral range (32768 and up), so a
 * port the kernel hands another test's process (port 0, outgoing connections) never falls
 * inside the block between this probe and the program's own bind; tests in parallel pick
 * different random blocks.
 */
export async function freePortBlock(count: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (12_000 - count));
    let all = true;
    for (let i = 0; i < count && all; i++) all = await free(base + i);
    if (all) return base;
  }
  throw new Error(`no ${count} consecutive free ports between 20000 and 32000`);
}
