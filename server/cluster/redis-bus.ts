import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { maxBatchBytes, type Batch } from './bus-batch.ts';
import { aliveKeyPrefix, connectRedis, redisPrefix } from './redis.ts';

/** How messages go in a publish (bus-batch.ts). */
export interface BusCodec<M> {
  /** The newest batch format this node writes and reads: announced in its heartbeat key. */
  readonly format: number;
  write(from: string, messages: readonly M[], format: number): Uint8Array[];
  /** Throws on a malformed batch. */
  read(data: Uint8Array): Batch<M>;
}

export interface BusOptions {
  /** How often a node says it is alive, and how long after its last word it counts as dead. */
  heartbeatMs?: number;
  aliveMs?: number;
}

const aliveKey = (node: string) => `${aliveKeyPrefix}${node}`;
const inbox = (node: string) => `${redisPrefix}to:${node}`;
const nodesKey = `${redisPrefix}nodes`;
/** What one node says to every node (`broadcast`). */
const everyone = `${redisPrefix}all`;
/** The outgoing queue of what goes to every node. */
const toAll = '*';
/** Distinct unknown kinds logged, each once: past these, unknown kinds are only counted. */
const maxKindsLogged = 32;
/** 1, 10, 100…: when a count of refusals is logged. */
const isPowerOfTen = (n: number) => /^10*$/.test(String(n));

/**
 * How relay nodes talk through Redis. Each node has an inbox channel; what one node has
 * for another in one turn of its event loop goes as one publish, in the order it was said
 * (Redis keeps a publisher's order for each subscriber). Pub/sub delivers at most once: a
 * node that loses its subscription, or a node that dies, loses what was in flight, so
 * nothing that must survive travels only here (the store has every committed update; a
 * door catches up from it, server/sync/node-link.ts).
 *
 * Each node renews a key that expires `aliveMs` after its last heartbeat: a node whose key
 * is gone is dead to the others, whatever it thinks (the store's fence stops its writes).
 * The key holds the newest batch format the node reads (a node of the version before format
 * 2 writes `1`): a node writes to another in the older of its own format and the other's as
 * last read, to every node (a broadcast) in the oldest of all live nodes' (CLUSTER.md N17).
 */
export class RedisBus<M> {
  readonly nodeId = randomUUID();
  readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly outgoing = new Map<string, M[]>();
  private flushing: NodeJS.Immediate | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly heartbeatMs: number;
  readonly aliveMs: number;
  private stopped = false;
  private goneListeners: ((node: string) => void)[] = [];
  private lapsedListeners: (() => void)[] = [];
  private lostListeners: ((node: string | null, since: number) => void)[] = [];
  /** Nodes a publish to failed (`toAll`: a broadcast), with when the first failed: told to `onLost` once Redis answers again. */
  private readonly lostTo = new Map<string, number>();
  /** Nodes whose death someone here cares about (owners of rooms served here, doors of connections judged here). */
  private watched: () => Iterable<string> = () => [];
  /** The batch format each other live node announced, as the last heartbeat read them. */
  private formats = new Map<string, number>();
  /** Messages skipped per kind this version does not know (a later version's), each kind logged once; past maxKindsLogged kinds, counted together. */
  readonly skipped = new Map<number, number>();
  skippedOfOtherKinds = 0;
  /** Malformed batches dropped, logged at the 1st, 10th, 100th… */
  refused = 0;

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly codec: BusCodec<M>,
    options: BusOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 1_000;
    this.aliveMs = options.aliveMs ?? 4_000;
    this.commands = connectRedis(url, log, 'commands');
    this.subscriber = connectRedis(url, log, 'subscriber');
  }

  /** Connects, says this node is alive, and hands every batch addressed to it to `receive`. */
  async start(receive: (from: string, messages: M[]) => void): Promise<void> {
    await Promise.all([this.commands.connect(), this.subscriber.connect()]);
    this.subscriber.on('messageBuffer', (_channel: Buffer, data: Buffer) => {
      let batch;
      try {
        batch = this.codec.read(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (err) {
        if (isPowerOfTen(++this.refused)) this.log.error({ err, refused: this.refused }, 'a malformed batch from another relay node was dropped (logged at the 1st, 10th, 100th…)');
        return;
      }
      for (const kind of batch.skipped) this.skip(kind);
      // A node hears its own broadcasts too: it has already done what they say.
      if (batch.from === this.nodeId) return;
      receive(batch.from, batch.messages);
    });
    await this.subscriber.subscribe(inbox(this.nodeId), everyone);
    // Dropped (Redis restarted or failed over, or this subscriber past Redis's output limit) then back: ioredis
    // subscribes again, and what was published meanwhile is lost (N18).
    let droppedAt: number | null = null;
    this.subscriber.on('close', () => {
      if (!this.stopped) droppedAt ??= Date.now();
    });
    this.subscriber.on('ready', () => {
      if (droppedAt === null) return;
      const since = droppedAt;
      droppedAt = null;
      void this.resubscribed(since);
    });
    await this.beat();
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  /** The subscription is back after a drop: once it is confirmed, what this node may have missed is asked again of every node. */
  private async resubscribed(since: number) {
    try {
      await this.subscriber.subscribe(inbox(this.nodeId), everyone);
    } catch {
      return; // dropped again: the next 'ready' tries again
    }
    if (this.stopped) return;
    this.log.warn({ node: this.nodeId }, 'this relay node’s Redis subscription was dropped and is back: what other nodes sent meanwhile is asked again');
    for (const listener of this.lostListeners) listener(null, since);
  }

  /** A message of a kind this version does not know was skipped: each kind is logged once. */
  private skip(kind: number) {
    const count = this.skipped.get(kind);
    if (count !== undefined) return void this.skipped.set(kind, count + 1);
    if (this.skipped.size >= maxKindsLogged) return void this.skippedOfOtherKinds++;
    this.skipped.set(kind, 1);
    this.log.warn({ kind }, 'another relay node sent a kind of message this version does not know (a later version’s): skipped, and counted from now on');
  }

  /** Queues a message for `node`; everything queued in this turn goes in one publish. */
  send(node: string, message: M): void {
    if (this.stopped) return;
    let queue = this.outgoing.get(node);
    if (!queue) this.outgoing.set(node, (queue = []));
    queue.push(message);
    this.flushing ??= setImmediate(this.flush);
  }

  /** Queues a message for every other live node, in one publish with the others of this turn. */
  broadcast(message: M): void {
    this.send(toAll, message);
  }

  private readonly flush = () => {
    this.flushing = null;
    const batches = [...this.outgoing];
    this.outgoing.clear();
    for (const [node, messages] of batches) {
      for (const data of this.codec.write(this.nodeId, messages, this.formatFor(node))) {
        if (data.length > maxBatchBytes) {
          this.log.error({ node, bytes: data.length }, 'a message too large for the bus between relay nodes was not sent');
          continue;
        }
        this.commands.publish(node === toAll ? everyone : inbox(node), Buffer.from(data.buffer, data.byteOffset, data.byteLength)).catch((err: unknown) => {
          if (this.lostTo.size === 0) this.log.warn({ err, node }, 'could not reach another relay node: what it missed is asked again once Redis answers');
          if (!this.lostTo.has(node)) this.lostTo.set(node, Date.now());
        });
      }
    }
  };

  /** The format `node` reads (1 for a node not seen yet); for every node, the oldest any live node reads. */
  private formatFor(node: string): number {
    if (node !== toAll) return Math.min(this.codec.format, this.formats.get(node) ?? 1);
    return Math.min(this.codec.format, ...this.formats.values());
  }

  /** Reads which nodes are alive, and the format each announced. */
  private async readFormats() {
    const known = (await this.commands.zrange(nodesKey, 0, -1)).filter((n) => n !== this.nodeId);
    const values = known.length === 0 ? [] : await this.commands.mget(known.map(aliveKey));
    const formats = new Map<string, number>();
    known.forEach((node, i) => {
      const value = values[i];
      if (value === null || value === undefined) return;
      const format = Number(value);
      formats.set(node, Number.isSafeInteger(format) && format >= 1 ? format : 1);
    });
    this.formats = formats;
  }

  /** The nodes alive now (their key has not expired), this one included. */
  async liveNodes(): Promise<string[]> {
    const known = await this.commands.zrange(nodesKey, 0, -1);
    if (known.length === 0) return [];
    const alive = await this.commands.mget(known.map(aliveKey));
    const gone = known.filter((_, i) => alive[i] === null);
    if (gone.length > 0) await this.commands.zrem(nodesKey, ...gone);
    return known.filter((_, i) => alive[i] !== null);
  }

  /** Whether each of `nodes` is alive. */
  async alive(nodes: readonly string[]): Promise<boolean[]> {
    if (nodes.length === 0) return [];
    const values = await this.commands.mget(nodes.map(aliveKey));
    return values.map((v) => v !== null);
  }

  /** Tells `listener` of each watched node found dead at a heartbeat. */
  watch(nodes: () => Iterable<string>, listener: (node: string) => void) {
    this.watched = nodes;
    this.goneListeners.push(listener);
  }

  /**
   * Tells `listener` when messages between this node and `node` may have been lost (N18), and
   * since when: a publish to it failed and Redis answers again, or (`null`: any node) this
   * node's subscription was dropped and is back.
   */
  onLost(listener: (node: string | null, since: number) => void) {
    this.lostListeners.push(listener);
  }

  /** Tells `listener` when this node's own key had expired (it was paused or cut off): others may have taken its rooms. */
  onLapsed(listener: () => void) {
    this.lapsedListeners.push(listener);
  }

  private async beat() {
    if (this.stopped) return;
    try {
      const before = await this.commands.set(aliveKey(this.nodeId), String(this.codec.format), 'PX', this.aliveMs, 'GET');
      await this.commands.zadd(nodesKey, Date.now(), this.nodeId);
      // Redis answers again: the nodes a publish to failed meanwhile are asked for what they missed.
      const lost = [...this.lostTo];
      this.lostTo.clear();
      for (const [node, since] of lost) for (const listener of this.lostListeners) listener(node === toAll ? null : node, since);
      if (before === null && this.heartbeat !== null) {
        this.log.warn({ node: this.nodeId }, 'this relay node was taken for dead: its rooms are judged again');
        for (const listener of this.lapsedListeners) listener();
      }
      await this.readFormats();
      const watched = [...new Set(this.watched())].filter((n) => n !== this.nodeId);
      if (watched.length === 0) return;
      const alive = await this.alive(watched);
      watched.forEach((node, i) => {
        if (!alive[i]) for (const listener of this.goneListeners) listener(node);
      });
    } catch (err) {
      this.log.warn({ err }, 'relay node heartbeat failed');
    }
  }

  /** Sends what is queued, says this node is gone, and disconnects. */
  async stop(): Promise<void> {
    if (this.flushing) {
      clearImmediate(this.flushing);
      this.flush();
    }
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    try {
      await this.commands.del(aliveKey(this.nodeId));
      await this.commands.zrem(nodesKey, this.nodeId);
    } catch (err) {
      this.log.warn({ err }, 'could not say this relay node is gone');
    }
    this.subscriber.disconnect();
    await this.commands.quit().catch(() => undefined);
  }
}
