import { execFile } from 'node:child_process';
import path from 'node:path';
import sqlite3 from 'sqlite3';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run operator -- …args` on a relay's data folder, as the operator would; resolves with its exit code and output. */
export function runOperator(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'operator', '--', ...args],
      { cwd: root, env: { ...process.env, CONCLAVE_DATA_DIR: dataDir }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** One statement written straight into a relay's SQLite file (what an older store or an operator's hand would hold). */
export async function writeStore(dataDir: string, sql: string, params: (string | number)[] = []): Promise<number> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path.join(dataDir, 'conclave.sqlite'), (err) => (err ? reject(err) : resolve(opened)));
  });
  try {
    await new Promise<void>((resolve, reject) => db.run('PRAGMA busy_timeout = 5000', (err) => (err ? reject(err) : resolve())));
    return await new Promise<number>((resolve, reject) =>
      db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve(this.changes);
      }),
    );
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}
