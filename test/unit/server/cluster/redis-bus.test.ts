import { Writable } from 'node:stream';
import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { RedisBus } from '../../../../server/cluster/redis-bus.ts';
import { nodeCodec, type NodeMessage } from '../../../../server/sync/node-messages.ts';
import { useRedis } from '../../../support/redis-clients.ts';
import { framed, later, leave, rateTaken } from '../../../support/node-batches.ts';

/** A logger writing to memory: every line a node would print. */
function capture() {
  const lines: { msg: string; kind?: number }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string; kind?: number });
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

async function until(what: string, check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never: ${what}`);
}

describe('the bus between relay nodes, on a real redis-server (CLUSTER.md N17)', () => {
  const redis = useRedis();
  const buses: RedisBus<NodeMessage>[] = [];
  afterAll(async () => {
    for (const bus of buses) await bus.stop();
  });

  async function node(heartbeatMs = 1_000) {
    const { log, lines } = capture();
    const bus = new RedisBus<NodeMessage>(redis.url, log, nodeCodec, { heartbeatMs });
    const received: NodeMessage[] = [];
    await bus.start((_from, messages) => received.push(...messages));
    buses.push(bus);
    return { bus, lines, received };
  }

  it('a batch holding a kind this node does not know, between two it knows: the known ones are applied; the unknown kind logged once, however often it comes', async () => {
    const b = await node();
    const publisher = await redis.client('publisher');
    for (let i = 0; i < 3; i++) await publisher.publish(`conclave:to:${b.bus.nodeId}`, Buffer.from(framed('node-c', [], [leave(i), later, rateTaken('u-1')])));
    await until('six known messages', () => b.received.length === 6);
    expect(b.received.filter((m) => m.type === 'leave').map((m) => m.type === 'leave' && m.conn)).toEqual([0, 1, 2]);
    expect(b.lines.filter((l) => l.kind === 40)).toHaveLength(1);
  });

  it('cut, overlong and garbage batches: nothing of them applied, the node goes on with the next one, and its log does not grow with each', async () => {
    const b = await node();
    const publisher = await redis.client('garbage');
    const whole = framed('node-c', [], [leave(1), rateTaken('u-1')]);
    // The last message's length (one byte) now runs past the end of the batch.
    const overlong = whole.slice();
    overlong[whole.length - rateTaken('u-1')[1].length - 1] = 120;
    for (let i = 0; i < 50; i++) {
      await publisher.publish(`conclave:to:${b.bus.nodeId}`, Buffer.from(whole.subarray(0, whole.length - 1 - (i % 20))));
      await publisher.publish(`conclave:to:${b.bus.nodeId}`, Buffer.from(overlong));
      await publisher.publish(`conclave:to:${b.bus.nodeId}`, Buffer.from([0xde, 0xad, 0xbe, 0xef, i]));
    }
    await publisher.publish(`conclave:to:${b.bus.nodeId}`, Buffer.from(framed('node-c', [], [leave(99)])));
    await until('the good batch after the bad ones', () => b.received.length === 1);
    expect(b.received).toEqual([{ type: 'leave', conn: 99 }]);
    // 150 refused: logged at the 1st, 10th and 100th.
    expect(b.lines.filter((l) => l.msg.includes('malformed')).length).toBe(3);
  });

  it('a node speaks format 1 to a node announcing format 1 (the version before), format 2 once every node announces it; it announces 2', async () => {
    const commands = await redis.client('old-node');
    const subscriber = await redis.client('old-node-inbox');
    const old = 'old-node-id-0000-0000-000000000000';
    await commands.set(`conclave:node:${old}`, '1', 'PX', 60_000);
    await commands.zadd('conclave:nodes', Date.now(), old);
    const heard: Buffer[] = [];
    subscriber.on('messageBuffer', (_channel: Buffer, data: Buffer) => heard.push(data));
    await subscriber.subscribe(`conclave:to:${old}`, 'conclave:all');
    const a = await node(50);
    expect(await commands.get(`conclave:node:${a.bus.nodeId}`)).toBe('2');
    // What a node of the version before reads first: its sender's id.
    const sender = (data: Buffer) => {
      try {
        return decoding.readVarString(decoding.createDecoder(data));
      } catch {
        return null;
      }
    };
    a.bus.send(old, { type: 'leave', conn: 1 });
    a.bus.broadcast({ type: 'sign-in-failed', account: 'bob@durand.example', address: '203.0.113.7' });
    await until('both heard', () => heard.length === 2);
    expect(heard.map(sender)).toEqual([a.bus.nodeId, a.bus.nodeId]);
    // The node is upgraded: it announces format 2.
    await commands.set(`conclave:node:${old}`, '2', 'PX', 60_000);
    await until('format 2 spoken to it', async () => {
      heard.length = 0;
      a.bus.send(old, { type: 'leave', conn: 2 });
      a.bus.broadcast({ type: 'sign-in-failed', account: 'bob@durand.example', address: '203.0.113.7' });
      await until('both heard', () => heard.length === 2);
      return heard.every((data) => sender(data) === null);
    });
    await commands.del(`conclave:node:${old}`);
  });
});
