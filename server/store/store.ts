/**
 * The store as features see it, whichever engine holds the tables (SQLite by default,
 * PostgreSQL when CONCLAVE_DATABASE_URL names one: open.ts picks).
 *
 * Queries speak the subset both engines accept: `?` placeholders (`?N` for a numbered
 * one), `INSERT … ON CONFLICT … DO NOTHING/DO UPDATE`, `RETURNING`, quoted camelCase
 * aliases (`AS "userId"`: PostgreSQL folds unquoted names to lower case), CAST(? AS TEXT)
 * where a bare parameter has no type. Integers come back as numbers (a 64-bit value past
 * 2^53 comes back as a bigint on PostgreSQL), booleans as 0 or 1, blobs as Buffers.
 */
export type Param = string | number | bigint | Buffer | Uint8Array | null;

export interface RunResult {
  /** Rows inserted, changed or deleted by the statement. */
  changes: number;
}

/** The queries a caller may run, inside or outside a transaction. */
export interface Queries {
  /** Which engine runs them, for the rare statement the two say differently (each says why where it is). */
  readonly engine: Engine;
  run(sql: string, params?: readonly Param[]): Promise<RunResult>;
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
}

/** Queries and transactions, as the store offers them to a caller. */
export interface Store extends Queries {
  /**
   * Runs `body` in one transaction: all of it commits, or none of it. On PostgreSQL the
   * transaction is SERIALIZABLE and `body` runs again when the engine refuses it for a
   * conflict with another (postgres.ts): a body changes nothing but the store.
   */
  transaction<T>(body: (tx: Queries) => Promise<T>): Promise<T>;
}

export type Engine = 'sqlite' | 'postgres';

/** The whole store: both lines, and what only the relay's start and erasure ask for. */
export interface RelayStore extends Store {
  readonly engine: Engine;
  /** The same queries and transactions, served before ordinary ones (the update log). */
  readonly urgent: Store;
  /** Runs statements with no parameters and no result (schema changes). */
  exec(sql: string): Promise<void>;
  /**
   * Leaves no earlier version of changed rows beside the current one (after an anonymous
   * ballot, after an erasure): SQLite's WAL checkpoint, PostgreSQL's VACUUM of the tables
   * named.
   */
  checkpoint(tables?: readonly string[]): Promise<void>;
  /**
   * Overwrites space freed by deleted rows: SQLite's free pages; on PostgreSQL, VACUUM of the
   * tables named or of the whole database, with their indexes, then a CHECKPOINT where allowed.
   */
  scrubFreePages(tables?: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Whether `err` is an engine's refusal of a duplicate key (SQLite's UNIQUE constraint, PostgreSQL's 23505). */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (code === '23505') return true;
  return code === 'SQLITE_CONSTRAINT' && typeof message === 'string' && /UNIQUE constraint failed|PRIMARY KEY/.test(message);
}
