import type { Logger } from 'pino';
import { PerPersonRate } from '../sync/rate.ts';
import { RateWindow } from './rate-window.ts';

/** Where the relay's nodes take counts atomically (server/cluster/redis-rates.ts: the Redis they share). */
export interface AtomicRates {
  /** Takes a token of bucket `name` for `key` (`perSecond` sustained, `burst` at once) at `now`; false, taking none, when it is empty. */
  takeToken(name: string, key: string, perSecond: number, burst: number, now: number): Promise<boolean>;
}

/**
 * The relay's rate windows that hold over every node (CLUSTER.md N13): each is named, each
 * count taken here is told to the other nodes (`connect`: through the bus), and a count
 * taken elsewhere is recorded here under the same name (`takenElsewhere`). On one node this
 * is a set of ordinary windows. A count on its way to another node is not there yet: a
 * burst spread over N nodes at once may pass up to N−1 more than one node allows.
 *
 * Its token buckets (`bucket`) are taken atomically over every node where the nodes share a
 * Redis (`shareThrough`, CLUSTER.md N15).
 */
export class SharedRates {
  private readonly windows = new Map<string, RateWindow[]>();
  private tell: ((name: string, key: string, at: number) => void) | null = null;
  private atomic: { rates: AtomicRates; log: Logger; failing: boolean } | null = null;

  /** A window named `name` (the same name on every node), told to the other nodes at each count. */
  window(name: string, limit: number, windowMs: number, maxKeys?: number): RateWindow {
    const window = new RateWindow(limit, windowMs, maxKeys, (key, at) => this.tell?.(name, key, at));
    const named = this.windows.get(name) ?? [];
    named.push(window);
    this.windows.set(name, named);
    return window;
  }

  /**
   * A token bucket per key named `name` (the same name on every node): `perMinute` sustained,
   * as many at once. `take` takes this node's token first (so that requests racing here
   * cannot all pass, and this node's bucket holds alone when Redis does not answer), then,
   * with several nodes, the token of the bucket they share; refused there, this node's
   * token is given back.
   */
  bucket(name: string, perMinute: number): SharedBucket {
    const local = new PerPersonRate(perMinute);
    return {
      take: async (key, now) => {
        if (!local.take(key, now)) return false;
        const shared = this.atomic;
        if (!shared) return true;
        try {
          const taken = await shared.rates.takeToken(name, key, perMinute / 60, perMinute, now);
          shared.failing = false;
          if (!taken) local.giveBack(key);
          return taken;
        } catch (err) {
          if (!shared.failing) shared.log.warn({ err, bucket: name }, 'a rate could not be taken across nodes; this node’s own holds');
          shared.failing = true;
          return true;
        }
      },
    };
  }

  /** Where counts taken here go (the other nodes). */
  connect(tell: (name: string, key: string, at: number) => void) {
    this.tell = tell;
  }

  /** Where the buckets are taken over every node (the Redis the nodes share). */
  shareThrough(rates: AtomicRates, log: Logger) {
    this.atomic = { rates, log, failing: false };
  }

  /** A count another node took: recorded here, told to no one. */
  takenElsewhere(name: string, key: string, at: number) {
    for (const window of this.windows.get(name) ?? []) window.record(key, at);
  }
}

/** A token bucket per key over every node (`SharedRates.bucket`). */
export interface SharedBucket {
  /** Takes a token for `key` at `now`; false, taking none, when its bucket is empty. */
  take(key: string, now: number): Promise<boolean>;
}
