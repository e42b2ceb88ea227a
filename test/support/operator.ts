import { execFile } from 'node:child_process';
import path from 'node:path';
import { databaseOf } from './relay.ts';
import { writeStatements } from './store-reader.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The relay's PostgreSQL database, when it has one (CONCLAVE_TEST_DATABASE=postgres): the operator opens the same store. */
const databaseEnvOf = (dataDir: string): Record<string, string> => {
  const url = databaseOf(dataDir);
  return url ? { CONCLAVE_DATABASE_URL: url } : {};
};

/** Runs `npm run operator -- …args` on a relay's data folder, as the operator would; resolves with its exit code and output. */
export function runOperator(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'operator', '--', ...args],
      { cwd: root, env: { ...process.env, CONCLAVE_DATA_DIR: dataDir, ...databaseEnvOf(dataDir) }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** One statement written straight into a relay's store (what an older store or an operator's hand would hold), on either engine. */
export async function writeStore(dataDir: string, sql: string, params: (string | number)[] = []): Promise<number> {
  const [changes] = await writeStatements(dataDir, [{ sql, params }]);
  return changes ?? 0;
}
