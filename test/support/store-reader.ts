import path from 'node:path';
import sqlite3 from 'sqlite3';
import { PostgresStore } from '../../server/store/postgres.ts';
import { databaseOf } from './relay.ts';

/**
 * Reads what the store of the relays of `dataDir` holds: their SQLite file (read-only), or
 * the PostgreSQL database they were given (CONCLAVE_TEST_DATABASE=postgres, or a
 * CONCLAVE_DATABASE_URL in their environment), through the relay's own engine (`?`
 * placeholders, counts as numbers, on both).
 */
export async function queryStore<T>(dataDir: string, sql: string, params: (string | number)[] = []): Promise<T[]> {
  const database = databaseOf(dataDir);
  if (database) {
    const store = await PostgresStore.open(database, { connections: 2 });
    try {
      return await store.all<T>(sql, params);
    } finally {
      await store.close();
    }
  }
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path.join(dataDir, 'conclave.sqlite'), sqlite3.OPEN_READONLY, (err) =>
      err ? reject(err) : resolve(opened),
    );
  });
  try {
    return await new Promise<T[]>((resolve, reject) => db.all(sql, params, (err, rows: T[]) => (err ? reject(err) : resolve(rows))));
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}
