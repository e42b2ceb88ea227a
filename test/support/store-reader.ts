import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { Engine, Param } from '../../server/store/store.ts';
import { PostgresStore } from '../../server/store/postgres.ts';
import { databaseOf } from './relay.ts';

/** A statement for `writeStore`/`seedStore`: the same `?` placeholders on both engines. */
export interface Statement {
  sql: string;
  params?: readonly Param[];
}

/** Which engine holds the store of the relays of `dataDir` (for a test query the engines say differently: server/store/dialect.ts). */
export function engineOf(dataDir: string): Engine {
  return databaseOf(dataDir) ? 'postgres' : 'sqlite';
}

async function openSqlite(dataDir: string, mode: number): Promise<sqlite3.Database> {
  return new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path.join(dataDir, 'conclave.sqlite'), mode, (err) => (err ? reject(err) : resolve(opened)));
  });
}

async function withPostgres<T>(database: string, body: (store: PostgresStore) => Promise<T>): Promise<T> {
  const store = await PostgresStore.open(database, { connections: 2 });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/**
 * Reads what the store of the relays of `dataDir` holds: their SQLite file (read-only), or
 * the PostgreSQL database they were given (CONCLAVE_TEST_DATABASE=postgres, or a
 * CONCLAVE_DATABASE_URL in their environment), through the relay's own engine (`?`
 * placeholders, counts as numbers, on both).
 */
export async function queryStore<T>(dataDir: string, sql: string, params: readonly Param[] = []): Promise<T[]> {
  return readingStore(dataDir, (read) => read<T>(sql, params));
}

/** Reads one statement over the connection `readingStore` holds. */
type Read = <T>(sql: string, params?: readonly Param[]) => Promise<T[]>;

/**
 * Reads several statements over one connection to the store of the relays of `dataDir`
 * (a search of every column is hundreds of statements: a connection each made it slow).
 */
async function readingStore<R>(dataDir: string, body: (read: Read) => Promise<R>): Promise<R> {
  const database = databaseOf(dataDir);
  if (database) return withPostgres(database, (store) => body((sql, params = []) => store.all(sql, params)));
  const db = await openSqlite(dataDir, sqlite3.OPEN_READONLY);
  const read: Read = <T>(sql: string, params: readonly Param[] = []) =>
    new Promise<T[]>((resolve, reject) => db.all(sql, params, (err, rows: T[]) => (err ? reject(err) : resolve(rows))));
  try {
    return await body(read);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/**
 * Writes straight into the store of the relays of `dataDir`, in one transaction, on
 * whichever engine holds it (what an older store, an operator's hand or a seed at a scale
 * the API would take too long to reach holds). The relay may be running: on SQLite this
 * waits for the file's write lock like any writer. Resolves with each statement's changes.
 */
export async function writeStatements(dataDir: string, statements: readonly Statement[]): Promise<number[]> {
  const database = databaseOf(dataDir);
  if (database) {
    return withPostgres(database, (store) =>
      store.transaction(async (tx) => {
        const changes: number[] = [];
        for (const s of statements) changes.push((await tx.run(s.sql, s.params)).changes);
        return changes;
      }),
    );
  }
  const db = await openSqlite(dataDir, sqlite3.OPEN_READWRITE);
  const run = (sql: string, params: readonly Param[] = []) =>
    new Promise<number>((resolve, reject) =>
      db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve(this.changes);
      }),
    );
  try {
    await run('PRAGMA busy_timeout = 10000');
    await run('BEGIN IMMEDIATE');
    const changes: number[] = [];
    for (const s of statements) changes.push(await run(s.sql, s.params));
    await run('COMMIT');
    return changes;
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** The tables of the store of the relays of `dataDir`, by name, on either engine. */
export async function storeTables(dataDir: string): Promise<string[]> {
  return readingStore(dataDir, (read) => tablesOf(read, engineOf(dataDir)));
}

async function tablesOf(read: Read, engine: Engine): Promise<string[]> {
  const sql =
    engine === 'postgres'
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
  return (await read<{ name: string }>(sql)).map((t) => t.name);
}

/** The columns of `table` in the store of the relays of `dataDir`, each saying whether it holds bytes (a blob). */
export async function storeColumns(dataDir: string, table: string): Promise<{ name: string; blob: boolean }[]> {
  return readingStore(dataDir, (read) => columnsOf(read, engineOf(dataDir), table));
}

async function columnsOf(read: Read, engine: Engine, table: string): Promise<{ name: string; blob: boolean }[]> {
  const rows =
    engine === 'postgres'
      ? await read<{ name: string; type: string }>(
          'SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position',
          [table],
        )
      : await read<{ name: string; type: string }>('SELECT name, type FROM pragma_table_info(?)', [table]);
  return rows.map((c) => ({ name: c.name, blob: /^(blob|bytea)$/i.test(c.type) }));
}

/** Every text cell of every table in the store of the relays of `dataDir` that contains `needle`, as `table.column`. */
export async function whereStored(dataDir: string, needle: string): Promise<string[]> {
  const engine = engineOf(dataDir);
  // SQLite reads any cell, blobs too, as text; PostgreSQL looks for the needle's bytes in a blob.
  const holds = (column: string, blob: boolean) =>
    engine === 'sqlite'
      ? `instr(CAST("${column}" AS TEXT), ?) > 0`
      : blob
        ? `position(convert_to(CAST(? AS TEXT), 'UTF8') IN "${column}") > 0`
        : `position(CAST(? AS TEXT) IN CAST("${column}" AS TEXT)) > 0`;
  return readingStore(dataDir, async (read) => {
    const found: string[] = [];
    for (const name of await tablesOf(read, engine)) {
      for (const column of await columnsOf(read, engine, name)) {
        const hits = await read<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name}" WHERE ${holds(column.name, column.blob)}`, [needle]);
        if ((hits[0]?.n ?? 0) > 0) found.push(`${name}.${column.name}`);
      }
    }
    return found;
  });
}
