import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { setUpOrganisation, type Api } from '../../test/support/api.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const workDir = path.join(root, 'bench', '.work');
/**
 * Where the relay under test is run from: this tree, or another checkout given in
 * BENCH_RELAY_ROOT (e.g. a `git archive` of a commit, with node_modules linked), so that
 * a half-edited shared tree does not stop the bench.
 */
export const relayRoot = path.resolve(process.env.BENCH_RELAY_ROOT ?? root);

/**
 * The relay's limits lifted for the bench, so that the load is not throttled: the
 * rate limit (one update per second per client here, 100k from one client when
 * building a history), idle unloading, and ticket lifetime (2,000 issued up front).
 * Durability is left as shipped: synchronous=FULL, snapshot every 1,000 updates.
 */
export const benchRelayEnv: Record<string, string> = {
  CONCLAVE_MESSAGES_PER_SECOND: '1000000',
  CONCLAVE_MESSAGE_BURST: '1000000',
  CONCLAVE_IDLE_UNLOAD_MS: '3600000',
  CONCLAVE_TICKET_SECONDS: '3600',
  // One person opens every connection of the bench: its caps are lifted too.
  CONCLAVE_MAX_CONNECTIONS_PER_PERSON: '1000000',
  CONCLAVE_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  CONCLAVE_MAX_HTTP_CONNECTIONS_PER_ADDRESS: '1000000',
  CONCLAVE_MAX_ROOMS_PER_PERSON: '1000000',
  CONCLAVE_TICKETS_PER_MINUTE: '1000000',
  LOG_LEVEL: 'warn',
};
const cpuProfiles = process.env.BENCH_RELAY_CPU_PROF;
const profileArgs = cpuProfiles ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfiles)}`] : [];

export interface ServerUnderTest {
  readonly name: string;
  readonly pid: number;
  /** WebSocket URLs for `perRoom` clients in each of `rooms` rooms (room i is the same room every call). */
  clientUrls(rooms: number, perRoom: number): Promise<string[][]>;
  stop(): Promise<void>;
  /** Rows in its update log so far (absent: it keeps none). */
  loggedUpdates?(): Promise<number>;
  /** CPU time its relay processes used so far, in ms (absent: the process `pid`'s). */
  cpuMs?(): Promise<number>;
  /** CPU time the services it runs on (PostgreSQL, Redis) used so far, in ms (absent: none apart). */
  serviceCpuMs?(): Promise<number>;
  /** Resident memory of its relay processes, in bytes (absent: the process `pid`'s). */
  rssBytes?(): Promise<number>;
}

export interface RelayProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` like the tests do (test/support/relay.ts), from `relayRoot`. */
export async function startRelayProcess(options: {
  dataDir: string;
  env: Record<string, string>;
  port?: number;
  root: string;
}): Promise<RelayProcess> {
  const child = spawn(process.execPath, [...profileArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: options.root,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      CONCLAVE_DATA_DIR: options.dataDir,
      CONCLAVE_WEB_ROOT: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /CONCLAVE_RELAY_LISTENING (\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir: options.dataDir,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU time a process (all its threads) has used so far, in ms (Linux, from /proc). */
export async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second here).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process, in bytes (Linux). */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

async function inParallel<T>(count: number, lanes: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}

/** The bench's rooms on a relay, through its API: one activity per room (room i is the same every call), a single-use ticket per client. */
export class BenchRooms {
  private readonly activities: string[] = [];

  constructor(private readonly admin: Api) {}

  private async activity(i: number): Promise<string> {
    while (this.activities.length <= i) {
      const n = this.activities.length;
      const { id } = await this.admin.ok<{ id: string }>('POST', '/api/activities', {
        title: `Store ${n}`,
        question: `Should store ${n} open on Sundays?`,
      });
      this.activities.push(id);
    }
    return this.activities[i]!;
  }

  /**
   * WebSocket URLs for `perRoom` clients in each of `rooms` rooms. `node(room, client)`, if
   * given, names the relay node (`http://host:port`) that client connects to instead of
   * the ticket's address (any node admits any ticket).
   */
  async clientUrls(rooms: number, perRoom: number, node?: (room: number, client: number) => string): Promise<string[][]> {
    const ids: string[] = [];
    for (let r = 0; r < rooms; r++) ids.push(await this.activity(r));
    const flat = await inParallel(rooms * perRoom, 16, async (i) => {
      const room = Math.floor(i / perRoom);
      const t = await this.admin.ok<{ url: string; room: string; ticket: string }>('POST', `/api/activities/${ids[room]!}/sync-ticket`);
      const url = `${t.url}/${t.room}?ticket=${encodeURIComponent(t.ticket)}`;
      if (!node) return url;
      const direct = new URL(url);
      direct.host = new URL(node(room, i % perRoom)).host;
      return direct.href;
    });
    return ids.map((_, r) => flat.slice(r * perRoom, (r + 1) * perRoom));
  }
}

/** Conclave's relay: server/main.ts in its own process, on a fresh store under bench/.work. */
export class ConclaveServer implements ServerUnderTest {
  private constructor(
    readonly name: string,
    private relay: RelayProcess,
    private readonly rooms: BenchRooms,
    private readonly env: Record<string, string>,
    private readonly root: string,
  ) {}

  /**
   * Starts a relay on a fresh store; `env` adds settings (e.g. CONCLAVE_SQLITE_SYNCHRONOUS),
   * `root` runs it from another checkout (to compare two versions in one run).
   */
  static async start(label: string, env: Record<string, string> = {}, name = 'Conclave', root = relayRoot): Promise<ConclaveServer> {
    const dataDir = path.join(workDir, `${label}-${process.pid}`);
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const relay = await startRelayProcess({ dataDir, env: { ...benchRelayEnv, ...env }, root });
    return new ConclaveServer(name, relay, new BenchRooms(await setUpOrganisation(relay.url)), env, root);
  }

  get pid() {
    return this.relay.child.pid ?? 0;
  }

  get dbFile() {
    return path.join(this.relay.dataDir, 'conclave.sqlite');
  }

  async loggedUpdates() {
    return (await sqliteGet<{ n: number }>(this.dbFile, 'SELECT count(*) AS n FROM doc_updates')).n;
  }

  clientUrls(rooms: number, perRoom: number): Promise<string[][]> {
    return this.rooms.clientUrls(rooms, perRoom);
  }

  /** Stops the relay, runs `work` on its store, and starts it again on that store. */
  async whileStopped(work: (dbFile: string) => Promise<void>) {
    if (this.relay.child.exitCode === null) await this.relay.stop();
    await work(this.dbFile);
    // Same port and store: the admin's session (kept in the store) and its API still work.
    const port = Number(new URL(this.relay.url).port);
    this.relay = await startRelayProcess({ dataDir: this.relay.dataDir, env: { ...benchRelayEnv, ...this.env }, port, root: this.root });
  }

  async stop() {
    await this.relay.stop();
    await rm(this.relay.dataDir, { recursive: true, force: true });
  }
}

/** Runs one SQL statement on a SQLite file and returns the first row. */
export function sqliteGet<T>(file: string, sql: string, mode = sqlite3.OPEN_READONLY): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => {
      if (err) return reject(err);
      db.get(sql, (e: Error | null, row: T) => db.close(() => (e ? reject(e) : resolve(row))));
    });
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

/** The reference: `@y/websocket-server` 0.1.1's own server.js, in memory, no auth. */
export class ReferenceServer implements ServerUnderTest {
  readonly name = 'reference';

  private constructor(
    private readonly child: ChildProcess,
    private readonly url: string,
  ) {}

  static async start(): Promise<ReferenceServer> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
    delete env.YPERSISTENCE;
    delete env.CALLBACK_URL;
    const script = path.join(root, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
    const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reference did not start:\n${output}`)), 20_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        if (output.includes('running at')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`reference exited with ${code}:\n${output}`)));
    });
    return new ReferenceServer(child, `ws://127.0.0.1:${port}`);
  }

  get pid() {
    return this.child.pid ?? 0;
  }

  async clientUrls(rooms: number, perRoom: number): Promise<string[][]> {
    return Array.from({ length: rooms }, (_, r) => Array.from({ length: perRoom }, () => `${this.url}/room-${r}`));
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
