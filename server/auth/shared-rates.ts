import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { PerPersonRate } from '../sync/rate.ts';
import { RateWindow } from './rate-window.ts';
import { RedisGate } from '../cluster/redis-gate.ts';

/** Where the relay's nodes take counts atomically (server/cluster/redis-rates.ts: the Redis they share). */
export interface AtomicRates {
  /** Takes a token of bucket `name` for `key` (`perSecond` sustained, `burst` at once) at `now`; false, taking none, when it is empty. */
  takeToken(name: string, key: string, perSecond: number, burst: number, now: number): Promise<boolean>;
  /** Counts one at `now` in each window of `takes` when all have room (null), else nothing: which refused and the seconds to wait. */
  takeWindows(takes: readonly { name: string; key: string; limit: number; windowMs: number }[], now: number, member: string): Promise<{ index: number; wait: number } | null>;
  /** Gives back one count of window `name` for `key` taken at `at` by the node whose counts start with `prefix`. */
  giveBackWindow(name: string, key: string, at: number, prefix: string): Promise<void>;
}

/** What a node tells the others of a count in a shared window: taken, or given back. */
export type RateChange = 'taken' | 'given-back';

/** A rate window the relay's nodes share (`SharedRates.window`). */
export class SharedWindow {
  constructor(
    readonly name: string,
    /** This node's own window: counts taken here, and those other nodes told of. */
    readonly local: RateWindow,
    private readonly rates: SharedRates,
  ) {}

  /** The seconds `key` must wait before it may count one more, as this node knows it, without counting. */
  waitFor(key: string, now: number): number {
    return this.local.waitFor(key, now);
  }

  /** Counts one for `key` at `now` over every node: 0 when allowed, else the seconds to wait (nothing counted). */
  async take(key: string, now: number): Promise<number> {
    return (await this.rates.takeTogether(now, [[this, key]]))?.wait ?? 0;
  }

  /** Gives back one counted at `at` for `key` (what it was counted for was refused after all), here, in Redis and on the other nodes. */
  giveBack(key: string, at: number): Promise<void> {
    return this.rates.giveBack(this, key, at);
  }
}

/**
 * The relay's rate windows and token buckets that hold over every node (CLUSTER.md N13,
 * N15), each named (the same name on every node). On one node they are ordinary windows and
 * buckets. With several nodes (`shareThrough`: the Redis they share), each take is judged
 * and counted atomically in Redis, one script per take, so nodes taking at the same moment
 * cannot all pass; this node's own window or bucket is taken first, at once (requests
 * racing here cannot all pass, and it holds alone when Redis does not answer), and given
 * back when Redis refuses. Each window's count taken here is also told to the other nodes
 * (`connect`: the bus) and recorded there (`takenElsewhere`), so that their own windows
 * know it should Redis stop answering; one given back here is given back there too
 * (`givenBackElsewhere`), or their own windows would go on refusing for it.
 */
export class SharedRates {
  private readonly windows = new Map<string, RateWindow[]>();
  private tell: ((name: string, key: string, at: number, change: RateChange) => void) | null = null;
  private atomic: { rates: AtomicRates; gate: RedisGate } | null = null;
  /** What this node's counts in Redis are named by: this prefix and a sequence number. */
  private readonly prefix = `${randomUUID()}:`;
  private taken = 0;

  /** A window named `name` (the same name on every node): at most `limit` per key in `windowMs`. */
  window(name: string, limit: number, windowMs: number, maxKeys?: number): SharedWindow {
    const local = new RateWindow(limit, windowMs, maxKeys);
    const named = this.windows.get(name) ?? [];
    named.push(local);
    this.windows.set(name, named);
    return new SharedWindow(name, local, this);
  }

  /**
   * Counts one in each of `takes` (a window and a key) at `now`, all or none: null when
   * allowed, else which refused (its index) and the seconds to wait.
   */
  async takeTogether(now: number, takes: readonly (readonly [SharedWindow, string])[]): Promise<{ index: number; wait: number } | null> {
    for (const [index, [window, key]] of takes.entries()) {
      const wait = window.local.waitFor(key, now);
      if (wait > 0) return { index, wait };
    }
    for (const [window, key] of takes) window.local.record(key, now);
    const refused = await this.shared((rates) =>
      rates.takeWindows(
        takes.map(([w, key]) => ({ name: w.name, key, limit: w.local.limit, windowMs: w.local.windowMs })),
        now,
        `${this.prefix}${++this.taken}`,
      ),
    );
    if (refused) {
      for (const [window, key] of takes) window.local.giveBack(key, now);
      return refused;
    }
    for (const [window, key] of takes) this.tell?.(window.name, key, now, 'taken');
    return null;
  }

  /** Gives back one count of `window` for `key` taken here at `at` (and told to the other nodes). */
  async giveBack(window: SharedWindow, key: string, at: number): Promise<void> {
    window.local.giveBack(key, at);
    this.tell?.(window.name, key, at, 'given-back');
    await this.shared((rates) => rates.giveBackWindow(window.name, key, at, this.prefix));
  }

  /**
   * A token bucket per key named `name`: `perMinute` sustained, as many at once. `take` takes
   * this node's token first, then with several nodes the token of the bucket they share;
   * refused there, this node's token is given back.
   */
  bucket(name: string, perMinute: number): SharedBucket {
    const local = new PerPersonRate(perMinute);
    return {
      take: async (key, now) => {
        if (!local.take(key, now)) return false;
        const taken = await this.shared((rates) => rates.takeToken(name, key, perMinute / 60, perMinute, now));
        if (taken === false) local.giveBack(key);
        return taken ?? true;
      },
    };
  }

  /**
   * What `ask` answers of the nodes' Redis; undefined with one node, or when Redis did not
   * answer (this node's own counts hold). While Redis does not answer, one request at a time
   * asks it again; the others are judged here alone at once, not each held for the command
   * timeout by a Redis that hangs.
   */
  private async shared<T>(ask: (rates: AtomicRates) => Promise<T>): Promise<T | undefined> {
    const atomic = this.atomic;
    if (!atomic) return undefined;
    const asked = await atomic.gate.ask(() => ask(atomic.rates));
    return typeof asked === 'object' ? asked.answer : undefined;
  }

  /** Where counts taken here, and given back, go (the other nodes). */
  connect(tell: (name: string, key: string, at: number, change: RateChange) => void) {
    this.tell = tell;
  }

  /** Where the windows and buckets are taken over every node (the Redis the nodes share). */
  shareThrough(rates: AtomicRates, log: Logger) {
    this.atomic = { rates, gate: new RedisGate(log, 'a rate could not be taken across relay nodes; this node’s own holds') };
  }

  /** A count another node took: recorded here, told to no one. */
  takenElsewhere(name: string, key: string, at: number) {
    for (const window of this.windows.get(name) ?? []) window.record(key, at);
  }

  /** A count another node took at `at` and gave back: given back here, told to no one. */
  givenBackElsewhere(name: string, key: string, at: number) {
    for (const window of this.windows.get(name) ?? []) window.giveBack(key, at);
  }
}

/** A token bucket per key over every node (`SharedRates.bucket`). */
export interface SharedBucket {
  /** Takes a token for `key` at `now`; false, taking none, when its bucket is empty. */
  take(key: string, now: number): Promise<boolean>;
}
