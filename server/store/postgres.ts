import pg from 'pg';
import { toNumberedPlaceholders } from './placeholders.ts';
import type { Param, Queries, RelayStore, RunResult, Store } from './store.ts';

const oid = { bool: 16, int8: 20, numeric: 1700 } as const;
type TypeParser = (value: string) => unknown;
const builtIn = pg.types.getTypeParser.bind(pg.types) as (id: number, format?: 'text') => TypeParser;

/** An int8 (COUNT, SUM, BIGINT columns) as a number while that is exact, else a bigint. */
export function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

/**
 * What rows hold, in the shapes SQLite gives: int8 and numeric as numbers (SUM and AVG
 * give numeric), booleans (`a = b`, EXISTS) as 0 or 1. bytea is a Buffer already.
 */
const types = {
  getTypeParser: ((id: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return (value: Buffer) => value;
    if (id === oid.int8) return parseInt8;
    if (id === oid.numeric) return Number;
    if (id === oid.bool) return (value: string) => (value === 't' ? 1 : 0);
    return builtIn(id);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function values(params: readonly Param[] = []): unknown[] {
  return params.map((p) => {
    if (typeof p === 'bigint') return p.toString();
    if (p instanceof Uint8Array && !Buffer.isBuffer(p)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
    return p;
  });
}

type Line = 'urgent' | 'ordinary';

/**
 * Connections handed out by line: `urgent` waiters go first, and ordinary work never
 * holds the last connection, so an edit waits for at most one statement even when the
 * ordinary line is flooded (the same promise as SQLite's lock in db.ts).
 */
class Lines {
  private inUse = { urgent: 0, ordinary: 0 };
  private readonly waiting = { urgent: [] as (() => void)[], ordinary: [] as (() => void)[] };

  constructor(private readonly size: number) {}

  private fits(line: Line): boolean {
    const busy = this.inUse.urgent + this.inUse.ordinary;
    return line === 'urgent' ? busy < this.size : busy < Math.max(1, this.size - 1);
  }

  async take(line: Line): Promise<void> {
    if (this.fits(line) && (line === 'urgent' || this.waiting.urgent.length === 0)) {
      this.inUse[line]++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting[line].push(resolve));
  }

  give(line: Line) {
    this.inUse[line]--;
    for (const next of ['urgent', 'ordinary'] as const) {
      const wake = this.fits(next) ? this.waiting[next].shift() : undefined;
      if (wake) {
        this.inUse[next]++;
        wake();
        return;
      }
    }
  }
}

/** SQLSTATE codes after which a SERIALIZABLE transaction is simply run again. */
const retryable = new Set(['40001', '40P01']);
const maxAttempts = 30;
/** SQLSTATE of a statement the role may not run (CHECKPOINT without superuser or pg_checkpoint). */
const insufficientPrivilege = '42501';

function queriesOn(client: pg.Pool | pg.PoolClient): Queries {
  const query = (sql: string, params?: readonly Param[]) => client.query(toNumberedPlaceholders(sql), values(params));
  return {
    engine: 'postgres',
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    get: async <T>(sql: string, params?: readonly Param[]) => (await query(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: readonly Param[]) => (await query(sql, params)).rows as T[],
  };
}

/**
 * The store on PostgreSQL (CONCLAVE_DATABASE_URL): a pool of connections, shared by two
 * lines as above. A transaction holds one connection from BEGIN to COMMIT and is
 * SERIALIZABLE: where the code reads then writes (a budget checked then spent, a flag
 * read then flipped), SQLite's single writer made that safe; here the engine refuses a
 * transaction that would see another's writes out of order (40001), and it runs again
 * from the start, up to 30 times. Bodies therefore change nothing outside the store.
 */
export class PostgresStore implements RelayStore {
  readonly engine = 'postgres' as const;
  private readonly lines: Lines;
  readonly urgent: Store;

  private constructor(private readonly pool: pg.Pool) {
    this.lines = new Lines(pool.options.max ?? 10);
    this.urgent = {
      engine: 'postgres',
      run: (sql, params) => this.pooled('urgent', (q) => q.run(sql, params)),
      get: <T>(sql: string, params?: readonly Param[]) => this.pooled('urgent', (q) => q.get<T>(sql, params)),
      all: <T>(sql: string, params?: readonly Param[]) => this.pooled('urgent', (q) => q.all<T>(sql, params)),
      transaction: (body) => this.inTransaction(body, 'urgent'),
    };
  }

  static async open(url: string, options: { connections?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.connections ?? 10, types });
    // An idle connection the server dropped must not take the relay down with it.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool);
    await store.get('SELECT 1 AS one');
    return store;
  }

  private async pooled<T>(line: Line, work: (q: Queries) => Promise<T>): Promise<T> {
    await this.lines.take(line);
    try {
      return await work(queriesOn(this.pool));
    } finally {
      this.lines.give(line);
    }
  }

  run(sql: string, params?: readonly Param[]): Promise<RunResult> {
    return this.pooled('ordinary', (q) => q.run(sql, params));
  }

  get<T>(sql: string, params?: readonly Param[]) {
    return this.pooled('ordinary', (q) => q.get<T>(sql, params));
  }

  all<T>(sql: string, params?: readonly Param[]) {
    return this.pooled('ordinary', (q) => q.all<T>(sql, params));
  }

  async exec(sql: string) {
    await this.lines.take('ordinary');
    try {
      await this.pool.query(sql);
    } finally {
      this.lines.give('ordinary');
    }
  }

  transaction<T>(body: (tx: Queries) => Promise<T>): Promise<T> {
    return this.inTransaction(body, 'ordinary');
  }

  private async inTransaction<T>(body: (tx: Queries) => Promise<T>, line: Line): Promise<T> {
    await this.lines.take(line);
    const client = await this.pool.connect().catch((err: unknown) => {
      this.lines.give(line);
      throw err;
    });
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
          const result = await body(queriesOn(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (err as { code?: unknown }).code;
          if (typeof code !== 'string' || !retryable.has(code) || attempt >= maxAttempts) throw err;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
        }
      }
    } finally {
      client.release();
      this.lines.give(line);
    }
  }

  /**
   * PostgreSQL keeps a row's earlier versions as dead tuples until VACUUM; VACUUM of the
   * tables named removes them from what any query or later version can reach. It does not
   * rewrite the WAL, and leaves some bytes in pages' free space: README, "Erasing a person".
   */
  async checkpoint(tables: readonly string[] = []) {
    if (tables.length === 0) return;
    await this.exec(`VACUUM ${tables.map(quoteName).join(', ')}`);
  }

  /**
   * After an erasure or a removal: VACUUM of the tables named, or of the whole database,
   * with its indexes (`INDEX_CLEANUP ON`: with few dead rows VACUUM may otherwise leave the
   * index entries of the erased values in place). Rows' earlier versions and deleted rows go,
   * and the entries pointing at them; reads and writes go on meanwhile (it locks out only
   * other VACUUMs and schema changes). A row still visible to a transaction open since before
   * the erasure stays until it ends. Then a CHECKPOINT, where the relay's role may (superuser
   * or pg_checkpoint), so that the files hold the pages as vacuumed; otherwise the server's
   * next one does (checkpoint_timeout). What remains on disk: README, "Erasing a person".
   */
  async scrubFreePages(tables: readonly string[] = []) {
    await this.exec(`VACUUM (INDEX_CLEANUP ON) ${tables.map(quoteName).join(', ')}`);
    await this.exec('CHECKPOINT').catch((err: unknown) => {
      if ((err as { code?: unknown }).code !== insufficientPrivilege) throw err;
    });
  }

  async close() {
    await this.pool.end();
  }
}

function quoteName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table name: ${name}`);
  return `"${name}"`;
}
