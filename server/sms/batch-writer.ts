import type { Database, Queries } from '../store/db.ts';

type Work<T> = (tx: Queries) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the SMS queue: writes asked for while a commit is running are
 * gathered and committed together in the next transaction, so thousands of submit
 * answers and receipts a second cost a handful of fsyncs. Each caller's promise
 * resolves only once its write is durable. A write that throws is retried alone, so
 * one bad write never takes its neighbours down with it.
 */
export class BatchWriter {
  private pending: Pending[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly maxBatch = 500,
  ) {}

  write<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves when everything asked so far is committed. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        const results: unknown[] = [];
        try {
          await this.db.transaction(async (tx) => {
            results.length = 0;
            for (const p of batch) results.push(await p.work(tx));
          });
          batch.forEach((p, i) => p.resolve(results[i]));
        } catch {
          for (const p of batch) {
            await this.db.transaction((tx) => p.work(tx)).then(p.resolve, p.reject);
          }
        }
      }
    } finally {
      this.running = null;
    }
  }
}
