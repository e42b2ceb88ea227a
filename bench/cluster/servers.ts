import { readdir, readFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres-server.ts';
import { startRedis, type RedisProcess } from '../../scripts/lib/redis-server.ts';
import { PostgresStore } from '../../server/store/postgres.ts';
import { setUpOrganisation } from '../../test/support/api.ts';
import { BenchRooms, benchRelayEnv, cpuMsOf, relayRoot, rssOf, startRelayProcess, workDir, type RelayProcess, type ServerUnderTest } from '../relay/servers.ts';

/** utime + stime and cutime + cstime (its children's, once ended and waited for) of a process, in ms; 0 once it is gone. */
async function cpuTimes(pid: number): Promise<{ own: number; children: number }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  if (!stat) return { own: 0, children: 0 };
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  // Fields 14–17 of stat(5), in clock ticks (100 per second here).
  return { own: (fields[11]! + fields[12]!) * 10, children: (fields[13]! + fields[14]!) * 10 };
}

/**
 * CPU ms a server and its child processes have used (PostgreSQL: the postmaster, its
 * backends and workers): its own, its ended children's (it waits for them), and its live
 * children's. A backend that ends moves from the last to the second: nothing is lost.
 */
async function serverCpuMs(pid: number): Promise<number> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
  }
  const parent = await cpuTimes(pid);
  const live = await Promise.all(children.map(cpuTimes));
  return parent.own + parent.children + live.reduce((sum, c) => sum + c.own, 0);
}

/** CPU ms of processes, a process gone counting 0. */
const cpuOf = async (pids: number[]) => (await Promise.all(pids.map((p) => cpuMsOf(p).catch(() => 0)))).reduce((a, b) => a + b, 0);

/** The postmaster's pid: the first line of its data folder's postmaster.pid. */
async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

export interface NodesSpec {
  /** How it is named in the results. */
  name: string;
  /** A word for its folders under bench/.work. */
  label: string;
  nodes: number;
  /** Several nodes need Redis; one node on PostgreSQL runs without it, as `npm run server` does. */
  redis: boolean;
}

/**
 * Conclave's relay as N nodes (`server/main.ts` processes) on a PostgreSQL of their own
 * (`initdb` under bench/.work, as `npm run cluster` runs it, but with fsync as shipped) and,
 * with several nodes, a Redis of their own: so each configuration's store and Redis CPU is
 * its own. Room r's client j connects to node (r + j) mod N: each room has clients on
 * different nodes, and every update reaches peers on another node than its sender's.
 */
export class NodesServer implements ServerUnderTest {
  private constructor(
    readonly name: string,
    private readonly relays: RelayProcess[],
    private readonly rooms: BenchRooms,
    private readonly postgres: PostgresServer,
    private readonly postmaster: number,
    private readonly redis: RedisProcess | null,
    private readonly store: PostgresStore,
    private readonly dirs: string[],
  ) {}

  static async start(spec: NodesSpec): Promise<NodesServer> {
    const base = path.join(workDir, `${spec.label}-${process.pid}`);
    await rm(base, { recursive: true, force: true });
    await mkdir(base, { recursive: true });
    const postgres = await startPostgres({ dir: path.join(base, 'postgres') });
    const relays: RelayProcess[] = [];
    let redis: RedisProcess | null = null;
    try {
      const database = await postgres.ensureDatabase('conclave');
      redis = spec.redis ? await startRedis() : null;
      const env = { ...benchRelayEnv, CONCLAVE_DATABASE_URL: database, ...(redis ? { CONCLAVE_REDIS_URL: redis.url } : {}) };
      const dataDir = path.join(base, 'relay');
      await mkdir(dataDir, { recursive: true });
      // The first node brings the schema up to date alone; the others start after it.
      relays.push(await startRelayProcess({ dataDir, env, root: relayRoot }));
      relays.push(...(await Promise.all(Array.from({ length: spec.nodes - 1 }, () => startRelayProcess({ dataDir, env, root: relayRoot })))));
      const store = await PostgresStore.open(database, { connections: 1 });
      const postmaster = await postmasterPid(path.join(base, 'postgres', 'data'));
      return new NodesServer(spec.name, relays, new BenchRooms(await setUpOrganisation(relays[0]!.url)), postgres, postmaster, redis, store, [base]);
    } catch (err) {
      for (const relay of relays) await relay.stop();
      await redis?.stop();
      await postgres.stop();
      throw err;
    }
  }

  get pid() {
    return this.relays[0]!.child.pid ?? 0;
  }

  clientUrls(rooms: number, perRoom: number): Promise<string[][]> {
    return this.rooms.clientUrls(rooms, perRoom, (room, client) => this.relays[(room + client) % this.relays.length]!.url);
  }

  async loggedUpdates() {
    const [row] = await this.store.all<{ n: number }>('SELECT count(*) AS n FROM doc_updates');
    return Number(row?.n ?? 0);
  }

  async cpuMs() {
    return cpuOf(this.relays.map((r) => r.child.pid ?? 0));
  }

  async serviceCpuMs() {
    return (await serverCpuMs(this.postmaster)) + (this.redis ? await cpuOf([this.redis.child.pid ?? 0]) : 0);
  }

  async rssBytes() {
    return (await Promise.all(this.relays.map((r) => rssOf(r.child.pid ?? 0)))).reduce((a, b) => a + b, 0);
  }

  async stop() {
    await Promise.all(this.relays.map((r) => r.stop()));
    await this.store.close();
    await this.redis?.stop();
    await this.postgres.stop();
    for (const dir of this.dirs) await rm(dir, { recursive: true, force: true });
  }
}
