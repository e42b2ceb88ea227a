import { createServer } from 'node:net';

/**
 * Whether nothing listens on host:port now (a listen there succeeds, and is closed at once).
 * A relay about to listen on a fixed address learns this way that the relay which listened
 * there before it is gone, before it starts its senders.
 */
export function addressFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
