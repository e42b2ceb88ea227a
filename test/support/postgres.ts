import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresCluster {
  /** The URL of a new, empty database of its own (one per test file, or per relay). */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** The same, blocking: for a process's exit handler. */
  stopNow(): void;
}

/** Debian's binaries first, then whatever PATH holds. */
function binary(name: string): string {
  for (const version of ['17', '16', '15', '14', '13']) {
    const candidate = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (existsSync(candidate)) return candidate;
  }
  return name;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A temporary PostgreSQL cluster on a free loopback port (DESIGN.md: initdb refuses to
 * run as root, so as root it runs, with pg_ctl, as the `postgres` user on a folder that
 * user owns). Trust authentication, loopback only, its socket in its own folder; about a
 * second to start. Nothing durable is asked of it: fsync is off.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'conclave-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const argv = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', binary(command), ...args]] : [binary(command), args];
  const as = (command: string, args: string[]) => run(...argv(command, args));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await as('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', '--no-sync']);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await as('pg_ctl', [
        '-D', data, '-w', '-t', '60', '-l', path.join(dir, 'log'),
        '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
        'start',
      ]);
      break;
    } catch (err) {
      // Another process took the port between our look and the start: try another.
      if (attempt >= 3) throw err;
    }
  }
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let count = 0;
  // CONCLAVE_TEST_PG_LOG=<file>: the server's log (each refused statement with its text) is kept there after the stop.
  const keepLog = () => {
    const to = process.env.CONCLAVE_TEST_PG_LOG;
    if (to) appendFileSync(to, readFileSync(path.join(dir, 'log'), 'utf8'));
  };
  return {
    async createDatabase(name = `conclave_${process.pid}_${++count}`) {
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/[^a-z0-9_]/g, '_')}"`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      keepLog();
      await rm(dir, { recursive: true, force: true });
    },
    stopNow() {
      try {
        execFileSync(...argv('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
      keepLog();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<PostgresCluster> | null = null;

/**
 * One cluster for this test process, started at the first call and stopped when the
 * process exits (the relay test support's databases: CONCLAVE_TEST_DATABASE=postgres).
 */
export function sharedPostgres(): Promise<PostgresCluster> {
  if (!shared) {
    shared = startPostgres();
    void shared.then((cluster) => process.once('exit', () => cluster.stopNow()));
  }
  return shared;
}
