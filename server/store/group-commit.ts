/**
 * Group commit: items asked for while a commit is running wait, and are committed
 * together in the next one, so thousands of small writes a second cost a handful of
 * fsyncs. Each caller's promise settles only once its item is durable.
 *
 * `commit` gets a `take` function and calls it when the commit really starts (inside
 * its transaction): whatever arrived until then joins, and a retried transaction takes
 * the same items again. It returns one result per item taken, in order. When a commit
 * fails, `onFailure: 'retry-each'` commits each item alone (one bad item never takes its
 * neighbours down); `'reject'` fails them all (for a commit whose writer already retries).
 * `maxBatch` bounds the items per commit (500 unless said; `Infinity` takes all).
 * `joinTurn` has the first commit of a run wait for the end of the event-loop turn, so
 * that items added in the same turn join it (the update log: every frame read in one
 * turn goes in one statement) rather than the first going alone.
 */
interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<T, R> {
  private pending: Waiting<T, R>[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly commit: (take: () => T[]) => Promise<R[]>,
    private readonly options: { maxBatch?: number; onFailure: 'retry-each' | 'reject'; joinTurn?: boolean },
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves when everything asked so far is committed. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      if (this.options.joinTurn) await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.pending.length > 0) {
        const taken: { batch: Waiting<T, R>[] | null } = { batch: null };
        const take = () => (taken.batch ??= this.pending.splice(0, this.options.maxBatch ?? 500)).map((p) => p.item);
        try {
          const results = await this.commit(take);
          (taken.batch ?? []).forEach((p, i) => p.resolve(results[i] as R));
        } catch (err) {
          for (const p of taken.batch ?? []) {
            if (this.options.onFailure === 'reject') p.reject(err);
            else await this.commit(() => [p.item]).then((r) => p.resolve(r[0] as R), p.reject);
          }
        }
      }
    } finally {
      this.running = null;
    }
  }
}
