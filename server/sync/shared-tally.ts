import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

/** Where every node's counts meet (server/cluster/redis-tallies.ts). */
export interface TallyStore {
  /**
   * Adds `added` to hash `name`'s fields and answers the totals of `read`, in its order.
   * `batch`: who sends it and its number, growing; a batch sent again is not added twice.
   */
  addAndRead(name: string, added: ReadonlyMap<string, number>, read: readonly string[], ttlMs: number, batch: { from: string; number: number }): Promise<number[]>;
}

/** Ids whose totals one exchange reads at most (besides those it adds to). */
const maxRead = 10_000;
/** How long an id stays read at each exchange after it was last counted or watched here. */
const watchMs = 10 * 60_000;
/** Totals kept between exchanges at most: past it, those not read in the last one are forgotten. */
const maxKept = 100_000;

/**
 * Counts per id (a person, an activity) that every relay node adds to one total in Redis
 * (CLUSTER.md N14, N15), without a Redis round trip per count: what is counted here waits in
 * memory and goes in the next exchange, which reads the totals back. Between exchanges a
 * node knows every node's total as last read plus what it counted since. An id counted or
 * watched here (a person connected to a room here) is read at every exchange, and for
 * 10 minutes after. One exchange at a time; one that fails sends the same batch again at the
 * next, then what was counted meanwhile as a new one: Redis adds a batch once, so
 * counts whose answer was lost (Redis slow past the command timeout, not down) count once,
 * never twice nor zero times.
 */
export class SharedTally {
  private name = '';
  /** Every node's total of each id, as last read (what this node sent up to then included). */
  private readonly totals = new Map<string, number>();
  private unsent = new Map<string, number>();
  /** The batch sent and not yet answered (sent again until it is). */
  private pending: { number: number; counts: Map<string, number> } | null = null;
  /** What this node's batches are named by in Redis: this name and a number. */
  private readonly from = randomUUID();
  private batches = 0;
  private tail: Promise<void> = Promise.resolve();
  private next: { watched: Iterable<string>; done: Promise<void> } | null = null;
  /** Ids new here waiting to be read (`readNew`), and when that read is done. */
  private soon: { ids: Set<string>; done: Promise<void> } | null = null;
  private failing = false;
  /** Each id read at every exchange, and when it was last counted or watched here (oldest first). */
  private readonly seen = new Map<string, number>();
  /** The ids the last exchange read: what others counted since is known only for those. */
  private lastRead = new Set<string>();

  constructor(
    private readonly store: TallyStore,
    private readonly ttlMs: number,
    private readonly log: Logger,
    /** Told, at each exchange, of what the other nodes counted for an id since the one before (if that one read it too). */
    private readonly elsewhere?: (id: string, count: number) => void,
  ) {}

  /** The hash counted into from now on (a new day's, a new hour's): counts of the former one are dropped. */
  keyed(name: string) {
    if (name === this.name) return;
    this.name = name;
    this.totals.clear();
    this.unsent = new Map();
    this.pending = null;
  }

  /** `count` more for `id`, counted here. */
  add(id: string, count: number) {
    this.unsent.set(id, (this.unsent.get(id) ?? 0) + count);
  }

  /** Every node's total for `id` as known here (undefined: never read), with what this node counted since. */
  total(id: string): number | undefined {
    const read = this.totals.get(id);
    if (read === undefined) return undefined;
    return read + (this.pending?.counts.get(id) ?? 0) + (this.unsent.get(id) ?? 0);
  }

  /**
   * Sends what was counted here and reads back the totals of `watched` and of what it sends.
   * One exchange runs at a time, and at most one more waits (with the latest `watched`).
   */
  exchange(watched: Iterable<string>): Promise<void> {
    if (this.next) {
      this.next.watched = watched;
      return this.next.done;
    }
    const next: { watched: Iterable<string>; done: Promise<void> } = { watched, done: Promise.resolve() };
    next.done = this.tail.then(() => {
      this.next = null;
      return this.exchangeOnce(next.watched);
    });
    this.next = next;
    this.tail = next.done;
    return next.done;
  }

  /**
   * Reads the totals of those of `ids` not read at the last exchange (someone new here joined a
   * room here), sending nothing, once the exchange under way is done; they are read at every
   * exchange from then on. Ids read at the last exchange cost nothing: a join is one short
   * read, not an exchange of every id this node watches. Joins meanwhile wait for one read;
   * while Redis does not answer, none waits.
   */
  readNew(ids: Iterable<string>): Promise<void> {
    const fresh = [...ids].filter((id) => !this.lastRead.has(id));
    if (fresh.length === 0) return Promise.resolve();
    if (this.failing) {
      // Redis does not answer: nobody waits on it for a join (this node's own counts hold);
      // the next exchange that works reads them.
      const now = Date.now();
      for (const id of fresh) this.mark(id, now);
      return Promise.resolve();
    }
    if (this.soon) {
      for (const id of fresh) if (this.soon.ids.size < maxRead) this.soon.ids.add(id);
      return this.soon.done;
    }
    const soon: { ids: Set<string>; done: Promise<void> } = { ids: new Set(fresh.slice(0, maxRead)), done: Promise.resolve() };
    soon.done = this.tail.then(() => {
      this.soon = null;
      return this.readOnce(soon.ids);
    });
    this.soon = soon;
    this.tail = soon.done;
    return soon.done;
  }

  private async readOnce(ids: Set<string>) {
    const name = this.name;
    // One in the batch not yet answered may count in Redis already: the next exchange reads it.
    const list = [...ids].filter((id) => !this.lastRead.has(id) && !this.pending?.counts.has(id));
    if (list.length === 0) return;
    const now = Date.now();
    for (const id of list) this.mark(id, now);
    let answer: number[];
    try {
      answer = await this.store.addAndRead(name, new Map(), list, this.ttlMs, { from: this.from, number: 0 });
    } catch (err) {
      this.failed(err, name);
      return;
    }
    if (this.name !== name) return;
    list.forEach((id, i) => {
      this.totals.set(id, answer[i] ?? 0);
      this.lastRead.add(id);
    });
  }

  private failed(err: unknown, name: string) {
    if (!this.failing) this.log.warn({ err, tally: name }, 'counts could not be shared with the other relay nodes; this node’s own hold meanwhile');
    this.failing = true;
  }

  /** `id` is read at every exchange for the next 10 minutes. */
  private mark(id: string, now: number) {
    this.seen.delete(id);
    this.seen.set(id, now);
  }

  private async exchangeOnce(watched: Iterable<string>) {
    const name = this.name;
    const again = this.pending !== null;
    if (!this.pending) {
      this.pending = { number: ++this.batches, counts: this.unsent };
      this.unsent = new Map();
    }
    const batch = this.pending;
    const sending = batch.counts;
    const ids = this.toRead(sending.keys(), watched);
    let answer: number[];
    try {
      answer = await this.store.addAndRead(name, sending, ids, this.ttlMs, { from: this.from, number: batch.number });
    } catch (err) {
      this.failed(err, name);
      return;
    }
    this.failing = false;
    if (this.pending === batch) this.pending = null;
    if (this.name !== name) return;
    if (this.totals.size > maxKept) this.totals.clear();
    ids.forEach((id, i) => {
      const total = answer[i] ?? 0;
      const before = this.totals.get(id);
      this.totals.set(id, total);
      if (before !== undefined && this.elsewhere && this.lastRead.has(id)) {
        const others = total - before - (sending.get(id) ?? 0);
        if (others > 0) this.elsewhere(id, others);
      }
    });
    this.lastRead = new Set(ids);
    // A batch sent again went alone: what was counted meanwhile goes now, not a second later
    // (nor never, at a node's last exchange before it stops).
    if (again && this.unsent.size > 0) await this.exchangeOnce([]);
  }

  /** What was counted here, then what was counted or watched here in the last 10 minutes (at most `maxRead` of those). */
  private toRead(sent: Iterable<string>, watched: Iterable<string>): string[] {
    const now = Date.now();
    const read = new Set(sent);
    for (const id of read) this.mark(id, now);
    for (const id of watched) this.mark(id, now);
    for (const [id, at] of this.seen) {
      if (this.seen.size <= maxRead && now - at <= watchMs) break;
      this.seen.delete(id);
    }
    for (const id of this.seen.keys()) read.add(id);
    return [...read];
  }
}
