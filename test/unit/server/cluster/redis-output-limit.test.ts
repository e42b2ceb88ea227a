import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { checkPubSubLimit, pubSubHardLimit } from '../../../../server/cluster/redis-output-limit.ts';
import { useRedis } from '../../../support/redis-clients.ts';

/** What a relay node says at start about Redis's pub/sub output limit (CLUSTER.md N18), on a real redis-server. */
describe("Redis's pub/sub output limit, judged at a node's start", () => {
  const redis = useRedis();
  const documentBytes = 32 * 1024 * 1024;

  async function warnings(limit: string): Promise<string[]> {
    const client = await redis.client('limit');
    await client.config('SET', 'client-output-buffer-limit', limit);
    const said: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void said.push((JSON.parse(line) as { msg: string }).msg) });
    await checkPubSubLimit(client, documentBytes, log);
    return said;
  }

  it('reads the hard limit out of the value Redis gives', () => {
    expect(pubSubHardLimit('normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60')).toBe(33_554_432);
    expect(pubSubHardLimit('normal 0 0 0 replica 0 0 0 pubsub 0 0 0')).toBe(0);
    expect(pubSubHardLimit('normal 0 0 0')).toBeNull();
  });

  it('warns, naming what to set, when Redis would drop a node receiving the largest document (its default, 32 MB)', async () => {
    const said = await warnings('pubsub 32mb 8mb 60');
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('client-output-buffer-limit "pubsub 64mb 32mb 60"');
  });

  it('says nothing when the limit leaves room for it, or there is none', async () => {
    expect(await warnings('pubsub 256mb 128mb 60')).toEqual([]);
    expect(await warnings('pubsub 0 0 0')).toEqual([]);
  });
});
