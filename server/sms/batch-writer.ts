import type { Database, Queries } from '../store/db.ts';
import { GroupCommit } from '../store/group-commit.ts';

type Work<T> = (tx: Queries) => Promise<T>;

/**
 * The SMS queue's writes, group-committed (store/group-commit.ts): writes asked for while
 * a commit runs are committed together in the next transaction. A write that throws is
 * retried alone, so one bad write never takes its neighbours down with it.
 */
export class BatchWriter {
  private readonly group: GroupCommit<Work<unknown>, unknown>;

  constructor(db: Database, maxBatch = 500) {
    this.group = new GroupCommit(
      (take) =>
        db.transaction(async (tx) => {
          const results: unknown[] = [];
          for (const work of take()) results.push(await work(tx));
          return results;
        }),
      { maxBatch, onFailure: 'retry-each' },
    );
  }

  write<T>(work: Work<T>): Promise<T> {
    return this.group.add(work) as Promise<T>;
  }

  /** Resolves when everything asked so far is committed. */
  flush(): Promise<void> {
    return this.group.flush();
  }
}
