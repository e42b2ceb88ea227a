import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './redis-server.ts';

const run = promisify(execFile);

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>`: add a database's name. */
  base: string;
  port: number;
  /** The cluster's folder (every database's files, pg_wal), when this process started it. */
  dataDir?: string;
  /** The URL of a new, empty database of its own (one per test file, or per relay). */
  createDatabase(name?: string): Promise<string>;
  /** The URL of database `name`, created first if it does not exist. */
  ensureDatabase(name: string): Promise<string>;
  /** Stops the server (a temporary one's folder is removed). */
  stop(): Promise<void>;
  /** The same, blocking: for a process's exit handler. */
  stopNow(): void;
}

export interface PostgresOptions {
  /**
   * Where the cluster lives and stays (`npm run cluster`: under its data folder): created by
   * `initdb` at the first start, found again at the next, stopped cleanly (fast shutdown) and
   * kept. Without it, a temporary cluster for tests: no fsync, stopped at once and removed.
   */
  dir?: string;
}

/** Debian's binaries first, then whatever PATH holds. */
function binary(name: string): string {
  for (const version of ['17', '16', '15', '14', '13']) {
    const candidate = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (existsSync(candidate)) return candidate;
  }
  return name;
}

/**
 * Starts Debian's PostgreSQL on a free loopback port (DESIGN.md: initdb refuses to run as
 * root, so as root it runs, with pg_ctl, as the `postgres` user on a folder that user owns).
 * Trust authentication, loopback TCP only (no Unix socket: its path could be too long); about
 * a second to start. Resolves once it accepts connections.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const kept = options.dir !== undefined;
  const dir = options.dir ? path.resolve(options.dir) : await mkdtemp(path.join(tmpdir(), 'conclave-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'log');
  const asRoot = process.getuid?.() === 0;
  const argv = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', binary(command), ...args]] : [binary(command), args];
  const as = (command: string, args: string[]) => run(...argv(command, args));
  const stopArgs = ['-D', data, '-m', kept ? 'fast' : 'immediate', '-w', 'stop'];
  // As root, the server runs as `postgres`, which must pass through the folder holding its
  // cluster (a relay's data folder is 0700): to start and stop it, and while it runs, since it
  // opens its control file by its full path at every checkpoint (without it, the first
  // checkpoint, five minutes in, ended the server). So that folder's group becomes postgres's,
  // allowed to pass only (g+x: nothing listed, nothing read); others still get nothing, and
  // the relay keeps that bit when it makes its folder private (server/app.ts).
  const parent = path.dirname(dir);
  const passableToPostgres = async (gid: number) => {
    if (!asRoot || !kept) return;
    const { mode, uid: owner } = await stat(parent);
    // Passable by anyone already (a shared folder such as /tmp): left as it is.
    if (mode & 0o001) return;
    await chown(parent, owner, gid);
    await chmod(parent, (mode & 0o7777) | 0o010);
  };
  if (kept) await mkdir(parent, { recursive: true, mode: 0o700 });
  const port = await (async () => {
    if (kept) await mkdir(dir, { recursive: true, mode: 0o700 });
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
      await passableToPostgres(Number(gid.trim()));
      const reached = await as('test', ['-w', dir]).then(() => true, () => false);
      if (!reached) {
        throw new Error(
          `PostgreSQL runs as the postgres user, which cannot reach ${dir} (a folder above it is closed to others): ` +
            'choose a data folder it can reach (CONCLAVE_DATA_DIR), or give your own server (CONCLAVE_DATABASE_URL)',
        );
      }
    }
    if (!existsSync(path.join(data, 'PG_VERSION'))) {
      try {
        await as('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', ...(kept ? [] : ['--no-sync'])]);
      } catch (err) {
        throw new Error(`initdb could not make a PostgreSQL cluster in ${data} (apt-get install -y postgresql): ${err instanceof Error ? err.message : String(err)}`);
      }
    } else {
      // A run that was killed left its server running, on a port nobody remembers: stop it first.
      await as('pg_ctl', ['-D', data, 'status']).then(
        () => as('pg_ctl', stopArgs),
        () => undefined,
      );
    }
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await as('pg_ctl', [
          '-D', data, '-w', '-t', '60', '-l', log,
          '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200${kept ? '' : ' -c fsync=off'}`,
          'start',
        ]);
        break;
      } catch (err) {
        // Another process took the port between our look and the start: try another.
        if (attempt >= 3) throw new Error(`PostgreSQL did not start (its log: ${log}): ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return port;
  })();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const safe = (name: string) => name.replace(/[^a-z0-9_]/g, '_');
  let count = 0;
  // CONCLAVE_TEST_PG_LOG=<file>: a temporary server's log (each refused statement with its text) is kept there after the stop.
  const keepLog = () => {
    const to = process.env.CONCLAVE_TEST_PG_LOG;
    if (to && !kept) appendFileSync(to, readFileSync(log, 'utf8'));
  };
  return {
    base,
    port,
    dataDir: data,
    async createDatabase(name = `conclave_${process.pid}_${++count}`) {
      await admin((client) => client.query(`CREATE DATABASE "${safe(name)}"`));
      return `${base}/${safe(name)}`;
    },
    async ensureDatabase(name) {
      await admin(async (client) => {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [safe(name)]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${safe(name)}"`);
      });
      return `${base}/${safe(name)}`;
    },
    async stop() {
      await as('pg_ctl', stopArgs).catch(() => undefined);
      keepLog();
      if (!kept) await rm(dir, { recursive: true, force: true });
    },
    stopNow() {
      try {
        execFileSync(...argv('pg_ctl', stopArgs), { stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
      keepLog();
      if (!kept) rmSync(dir, { recursive: true, force: true });
    },
  };
}
