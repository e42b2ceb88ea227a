import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** The hard pub/sub output limit in a `CONFIG GET client-output-buffer-limit` value, in bytes (0: none), or null when it names none. */
export function pubSubHardLimit(value: string): number | null {
  const match = /(?:^|\s)pubsub\s+(\d+)\s/.exec(value);
  return match ? Number(match[1]) : null;
}

/**
 * Redis drops a subscriber once what it holds for it passes its hard pub/sub output limit
 * (32 MB by default), and a document's state, which a room's owner sends through Redis to a
 * node whose client joins, may be as large (CONCLAVE_MAX_DOCUMENT_BYTES). A node recovers
 * what a drop lost (CLUSTER.md N18), but a client joining such a document would be dropped
 * again at each try: said once at start, with what to set. A Redis that refuses CONFIG (a
 * managed one) is not judged.
 */
export async function checkPubSubLimit(redis: Redis, largestMessageBytes: number, log: Logger): Promise<void> {
  let reply: unknown;
  try {
    reply = await redis.config('GET', 'client-output-buffer-limit');
  } catch {
    return;
  }
  const value = Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : '';
  const hard = pubSubHardLimit(value);
  const needed = 2 * largestMessageBytes;
  if (hard === null || hard === 0 || hard >= needed) return;
  const mb = Math.ceil(needed / (1024 * 1024));
  log.warn(
    { pubSubHardLimit: hard, largestDocumentBytes: largestMessageBytes },
    `Redis drops a subscriber holding more than ${hard} bytes, less than twice the largest document: a client joining such a document through another node would be dropped at each try. Set client-output-buffer-limit "pubsub ${mb}mb ${Math.ceil(mb / 2)}mb 60" in Redis, or lower CONCLAVE_MAX_DOCUMENT_BYTES`,
  );
}
