import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPostgres } from './postgres.ts';

export interface RelayProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no drain, no flush — a crash. */
  kill9(): Promise<void>;
  /**
   * Resolves once the process has ended, however it ended (a crash point it reached itself
   * included), even if it ended before this was asked: a process killed by a signal keeps
   * `exitCode` null, and its 'exit' event may come before the failed request that saw it die.
   */
  ended(): Promise<void>;
  /** SIGTERM, then wait for the drain to finish. */
  stop(): Promise<number | null>;
  /** Starts the relay again on the same port and store (after stop or kill9). */
  restart(): Promise<RelayProcess>;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Each data folder's PostgreSQL database, so a restart finds the same store. */
const databases = new Map<string, string>();

/** The PostgreSQL database the relays of `dataDir` use, if they use one (else their SQLite file is in it). */
export function databaseOf(dataDir: string): string | undefined {
  return databases.get(dataDir);
}

/**
 * CONCLAVE_TEST_DATABASE=postgres runs the relays a test starts on PostgreSQL: each data
 * folder gets its own database in a temporary cluster of this test process
 * (support/postgres.ts), and the relay a secret key (one for the test process), as a
 * PostgreSQL relay needs one to open anonymous polls (server/polls/sealing.ts). Unset, the
 * relay keeps its SQLite file in the data folder.
 */
async function databaseEnv(dataDir: string, env: Record<string, string> | undefined): Promise<Record<string, string>> {
  if (env?.CONCLAVE_DATABASE_URL) databases.set(dataDir, env.CONCLAVE_DATABASE_URL);
  if (process.env.CONCLAVE_TEST_DATABASE !== 'postgres' || env?.CONCLAVE_DATABASE_URL) return {};
  let url = databases.get(dataDir);
  if (!url) {
    url = await (await sharedPostgres()).createDatabase();
    databases.set(dataDir, url);
  }
  return { CONCLAVE_DATABASE_URL: url, CONCLAVE_SECRET_KEY: env?.CONCLAVE_SECRET_KEY ?? testSecretKey };
}

const testSecretKey = randomBytes(32).toString('hex');

/**
 * Starts the real relay (`server/main.ts`) as a child process on a free loopback port.
 * Give the same `dataDir` again to restart on the same store.
 */
export async function startRelayProcess(
  options: { dataDir?: string; env?: Record<string, string>; port?: number; root?: string } = {},
): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'conclave-test-')));
  // RELAY_NODE_ARGS: extra Node flags for the relay alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
  // to see where a benchmark or the soak spends the relay's time.
  const database = await databaseEnv(dataDir, options.env);
  const extra = (process.env.RELAY_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'server/main.ts'], {
    // `root`: another checkout of the relay (a benchmark's reference run of an earlier commit).
    cwd: options.root ?? root,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      CONCLAVE_DATA_DIR: dataDir,
      CONCLAVE_WEB_ROOT: '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...database,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  // RELAY_ECHO=1: every relay's output on the test's stderr too (a 500's cause, while debugging).
  if (process.env.RELAY_ECHO) child.stdout?.on('data', (d: Buffer) => process.stderr.write(d));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 90_000);
    const onData = () => {
      const m = /CONCLAVE_RELAY_LISTENING (\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async ended() {
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    restart() {
      return startRelayProcess({ ...options, dataDir, port: Number(new URL(url).port) });
    },
  };
}

export async function removeDataDir(dir: string) {
  await rm(dir, { recursive: true, force: true });
}
