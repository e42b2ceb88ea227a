import sqlite3 from 'sqlite3';
import { explainingScans, type Direct } from './explain-scans.ts';
import type { Param, Queries, RelayStore, RunResult, Store } from './store.ts';

export type { Param, Queries, RunResult, Store } from './store.ts';
/** The store features are handed, on either engine (store.ts). */
export type Database = RelayStore;

/**
 * A promise face over one sqlite3 connection.
 *
 * sqlite3 runs statements of one connection one after the other, but a transaction
 * spans several awaits: a statement issued elsewhere meanwhile would land inside it.
 * So every call goes through one lock, and a transaction holds it from BEGIN to
 * COMMIT; the `tx` handed to the transaction body bypasses the lock. Everyone else waits
 * for the whole transaction, so long work must not be one: it writes in statements of
 * bounded size that each take the lock alone (a CSV import stages its rows 500 per
 * statement, then moves them in one statement: figures/import.ts).
 *
 * The lock serves two lines: `urgent` (the document update log, which every live edit
 * waits for before it reaches anyone) goes before the ordinary one. Whoever floods the
 * ordinary line (tickets, sign-ins, reports) delays edits by one statement at most, not
 * by the whole queue.
 */
function bindable(params: readonly Param[]): unknown[] {
  return params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
}

export class SqliteStore implements RelayStore {
  readonly engine = 'sqlite' as const;
  private busy = false;
  private readonly lines = { urgent: [] as (() => void)[], ordinary: [] as (() => void)[] };
  /** The same queries and transactions, served before ordinary ones. */
  readonly urgent: Store = {
    engine: 'sqlite',
    run: (sql, params) => this.locked(() => this.direct.run(sql, params), 'urgent'),
    get: <T>(sql: string, params?: readonly Param[]) => this.locked(() => this.direct.get<T>(sql, params), 'urgent'),
    all: <T>(sql: string, params?: readonly Param[]) => this.locked(() => this.direct.all<T>(sql, params), 'urgent'),
    transaction: (body) => this.inTransaction(body, 'urgent'),
  };

  /** The connection's statements without the lock: `plain`, or each explained first (explainScansInto). */
  private direct: Direct;

  private constructor(
    private readonly raw: sqlite3.Database,
    readonly file: string,
  ) {
    this.direct = this.plain;
  }

  static async open(file: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}) {
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
    });
    const db = new SqliteStore(raw, file);
    await db.direct.exec('PRAGMA journal_mode = WAL');
    await db.direct.exec(`PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`);
    await db.direct.exec('PRAGMA foreign_keys = ON');
    await db.direct.exec('PRAGMA busy_timeout = 5000');
    // Deleted content is overwritten with zeros, and so is every page as it is freed (ON).
    // FAST zeroed only inside pages written anyway: a freed page kept its bytes, and SQLite
    // hands a free page out again without zeroing it — the unwritten end of a new overflow
    // page then carried deleted bytes on into live pages, beyond a free-page wipe's reach
    // (an erased name survived a kill -9 that way). bench/store/secure-delete.ts measures the cost.
    await db.direct.exec('PRAGMA secure_delete = ON');
    return db;
  }

  /**
   * Statements straight on the connection, without the lock. sqlite3 binds a bigint as
   * NULL: it goes as its decimal text, which an INTEGER column takes back exactly.
   */
  private readonly plain: Direct = {
    engine: 'sqlite' as const,
    run: (sql: string, params: readonly Param[] = []) =>
      new Promise<RunResult>((resolve, reject) => {
        this.raw.run(sql, bindable(params), function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes });
        });
      }),
    get: <T>(sql: string, params: readonly Param[] = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        this.raw.get(sql, bindable(params), (err: Error | null, row: T | undefined) =>
          err ? reject(err) : resolve(row),
        );
      }),
    all: <T>(sql: string, params: readonly Param[] = []) =>
      new Promise<T[]>((resolve, reject) => {
        this.raw.all(sql, bindable(params), (err: Error | null, rows: T[]) =>
          err ? reject(err) : resolve(rows),
        );
      }),
    exec: (sql: string) =>
      new Promise<void>((resolve, reject) => {
        this.raw.exec(sql, (err: Error | null) => (err ? reject(err) : resolve()));
      }),
  };

  /**
   * From now on, each distinct statement is explained before it runs and the tables it reads
   * whole are written to `file` (CONCLAVE_EXPLAIN_SCANS, an operator's diagnostic: explain-scans.ts).
   * Never called, statements run on `plain` exactly as they would without the diagnostic.
   */
  explainScansInto(file: string) {
    this.direct = explainingScans(this.plain, file);
  }

  /** Runs `work` when the connection is free, urgent work first; one at a time. */
  private locked<T>(work: () => Promise<T>, line: keyof SqliteStore['lines'] = 'ordinary'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        void Promise.resolve()
          .then(work)
          .then(resolve, reject)
          .finally(() => this.next());
      };
      if (this.busy) this.lines[line].push(start);
      else {
        this.busy = true;
        start();
      }
    });
  }

  private next() {
    const start = this.lines.urgent.shift() ?? this.lines.ordinary.shift();
    if (start) start();
    else this.busy = false;
  }

  run(sql: string, params?: readonly Param[]) {
    return this.locked(() => this.direct.run(sql, params));
  }

  get<T>(sql: string, params?: readonly Param[]) {
    return this.locked(() => this.direct.get<T>(sql, params));
  }

  all<T>(sql: string, params?: readonly Param[]) {
    return this.locked(() => this.direct.all<T>(sql, params));
  }

  exec(sql: string) {
    return this.locked(() => this.direct.exec(sql));
  }

  /** Runs `body` in one IMMEDIATE transaction: all of it commits, or none of it. */
  transaction<T>(body: (tx: Queries) => Promise<T>): Promise<T> {
    return this.inTransaction(body, 'ordinary');
  }

  private inTransaction<T>(body: (tx: Queries) => Promise<T>, line: keyof SqliteStore['lines']): Promise<T> {
    return this.locked(async () => {
      await this.direct.exec('BEGIN IMMEDIATE');
      try {
        const result = await body(this.direct);
        await this.direct.exec('COMMIT');
        return result;
      } catch (err) {
        await this.direct.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }, line);
  }

  /**
   * Copies the WAL into the file and empties the WAL, so that it no longer holds the
   * successive versions of the pages written since the last checkpoint (used after an
   * anonymous ballot: two versions side by side would show which rows one vote changed).
   */
  async checkpoint(_tables?: readonly string[]) {
    await this.locked(() => this.direct.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
  }

  /**
   * Overwrites the free pages with zeros. With secure_delete ON a page is zeroed as it is
   * freed; pages freed before (a store written under FAST, as it was until December 2026)
   * may still hold their bytes: rows of zeros take every free page, a few MiB per statement
   * (the lock is never held long), then go again. The last page of each row of zeros is
   * written only in part (its row ends inside it) and may have been a free page holding old
   * bytes: deleting the rows under ON zeroes it whole. Needs the `store_scrub` table.
   */
  async scrubFreePages(_tables?: readonly string[], pagesPerStatement = 1024) {
    const pageSize = (await this.get<{ page_size: number }>('PRAGMA page_size'))?.page_size ?? 4096;
    // Bounded: other writers may free pages meanwhile; whatever they free after this is theirs.
    for (let round = 0; round < 10_000; round++) {
      const free = (await this.get<{ freelist_count: number }>('PRAGMA freelist_count'))?.freelist_count ?? 0;
      if (free === 0) break;
      await this.run('INSERT INTO store_scrub (data) VALUES (zeroblob(?))', [Math.min(free, pagesPerStatement) * pageSize]);
    }
    for (let round = 0; round < 10_000; round++) {
      const { changes } = await this.run('DELETE FROM store_scrub WHERE rowid = (SELECT MIN(rowid) FROM store_scrub)');
      if (changes === 0) break;
    }
  }

  close() {
    return this.locked(
      () =>
        new Promise<void>((resolve, reject) => {
          this.raw.close((err) => (err ? reject(err) : resolve()));
        }),
    );
  }
}
