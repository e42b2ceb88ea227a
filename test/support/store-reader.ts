import path from 'node:path';
import sqlite3 from 'sqlite3';

/** Reads the relay's SQLite file directly (read-only), to check what the store holds. */
export async function queryStore<T>(dataDir: string, sql: string, params: (string | number)[] = []): Promise<T[]> {
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
