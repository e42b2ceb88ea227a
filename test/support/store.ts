import path from 'node:path';
import sqlite3 from 'sqlite3';

/** Reads rows straight from a relay's SQLite file, as an operator would. */
export function queryStore<T>(dataDir: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path.join(dataDir, 'conclave.sqlite'), sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all(sql, params, (queryErr, rows) => {
        db.close();
        if (queryErr) reject(queryErr);
        else resolve(rows as T[]);
      });
    });
  });
}
