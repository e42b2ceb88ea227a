import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { PostgresStore } from '../../../server/store/postgres.ts';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { freePortBlock } from '../../support/port-block.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

const root = path.resolve(import.meta.dirname, '../../..');

interface Listed {
  index: number;
  url: string;
  pid: number;
}

/** `npm run cluster` as a newcomer runs it (without the install step and the client's build), on a data folder and a free block of ports. */
class ClusterRun {
  output = '';
  readonly base: string;
  private readonly child: ChildProcess;

  constructor(dataDir: string, port: number) {
    this.base = `http://127.0.0.1:${port}`;
    // Whatever this shell says of the cluster's size, the script's own default.
    const { CONCLAVE_CLUSTER_NODES: _size, ...inherited } = process.env;
    this.child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
      cwd: root,
      env: {
        ...inherited,
        PORT: String(port),
        CONCLAVE_DATA_DIR: dataDir,
        CONCLAVE_WEB_ROOT: '',
        CONCLAVE_DATABASE_URL: '',
        CONCLAVE_REDIS_URL: '',
        CONCLAVE_NODE_LEASE_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  get exitCode() {
    return this.child.exitCode;
  }

  async started() {
    await waitFor(() => this.output.includes('Stop with Ctrl+C.') || this.child.exitCode !== null, 120_000, 'the cluster to start');
    if (!this.output.includes('Stop with Ctrl+C.')) throw new Error(`npm run cluster did not start:\n${this.output}`);
  }

  /** The nodes as the script listed them: address and pid. */
  nodes(): Listed[] {
    return [...this.output.matchAll(/node (\d+): (http:\S+)\s+pid (\d+)/g)].map((m) => ({ index: Number(m[1]), url: m[2]!, pid: Number(m[3]) }));
  }

  /** The database the nodes were given. */
  database(): string {
    const url = /PostgreSQL on (postgres:\/\/\S+)/.exec(this.output)?.[1];
    if (!url) throw new Error(`the script named no PostgreSQL:\n${this.output}`);
    return url;
  }

  /** Ctrl+C (SIGINT); resolves once the script has exited. */
  async interrupt() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGINT');
      await exited;
    }
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const refuses = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

async function queryDatabase<T>(url: string, sql: string, params: string[]): Promise<T[]> {
  const store = await PostgresStore.open(url, { connections: 1 });
  try {
    return await store.all<T>(sql, params);
  } finally {
    await store.close();
  }
}

/**
 * Issue 19's newcomer: `npm run cluster` (scripts/cluster.ts) starts three nodes on a
 * PostgreSQL and a redis-server of its own, and a balancer on PORT; two people edit through
 * two of the nodes, one node is killed -9, and nothing anyone had is lost. Ctrl+C stops all
 * it started; a second start on the same data folder finds everything again.
 */
describe('npm run cluster (issue 19)', () => {
  let dataDir: string;
  let run: ClusterRun;
  let again: ClusterRun | null = null;
  let activityId = '';
  let pollId = '';
  let token: string | null = null;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'nodes-npm-cluster-'));
    // The balancer on PORT, its three nodes on the three ports after it: all four free, and out of
    // the kernel's ephemeral range, where another test's connection could hold PORT + 1.
    run = new ClusterRun(dataDir, await freePortBlock(4));
    await run.started();
  }, 150_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await run?.interrupt();
    await again?.interrupt();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 90_000);

  it('starts three nodes by default, each answering, on a PostgreSQL of its own kept in the data folder', async () => {
    expect(run.output).toContain(`open ${run.base}/`);
    const nodes = run.nodes();
    expect(nodes.map((n) => n.index)).toEqual([0, 1, 2]);
    for (const url of [run.base, ...nodes.map((n) => n.url)]) expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(run.database()).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/conclave$/);
    expect(existsSync(path.join(dataDir, 'postgres', 'data', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'conclave.sqlite'))).toBe(false);
  });

  it('its PostgreSQL outlives a checkpoint: the data folder stays passable to it while it runs (it opens its control file by its full path)', async () => {
    // The data folder is the relay's, 0700; as root, PostgreSQL runs as its own user.
    await queryDatabase(run.database(), 'CHECKPOINT', []);
    expect(await queryDatabase<{ one: number }>(run.database(), 'SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
    expect((await fetch(`${run.base}/healthz`)).status).toBe(200);
    expect(statSync(dataDir).mode & 0o007).toBe(0);
  });

  it('two people edit through two nodes; the first node is killed -9; both go on, and a newcomer through the balancer gets everything', { timeout: 180_000 }, async () => {
    const [node0, node1, node2] = run.nodes() as [Listed, Listed, Listed];
    // The API through node 2; the first socket straight to node 0 (which takes the room), the
    // second to node 1; after that, each reconnects through the balancer, as the ticket says.
    const admin = await setUpOrganisation(node2.url);
    token = admin.token;
    const me = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon store', question: 'Open in Lyon?' }));
    const at = new Date();
    const add = (client: SyncClient, id: string) => addSwotItem(client.doc, { id, quadrant: 'strengths', text: id, author: { id: me.id, name: me.name }, at });
    const first = await connectClient(admin, activityId, undefined, undefined, { firstVia: node0.url });
    clients.push(first);
    await synced(first);
    const second = await connectClient(admin, activityId, undefined, undefined, { firstVia: node1.url });
    clients.push(second);
    await synced(second);
    for (let i = 0; i < 5; i++) add(first, `before-first-${i}`);
    for (let i = 0; i < 5; i++) add(second, `before-second-${i}`);
    await waitFor(() => readSwotItems(first.doc).length === 10 && readSwotItems(second.doc).length === 10, 20_000, 'both to hold the first ten');

    const database = run.database();
    const [owner] = await queryDatabase<{ epoch: number }>(database, 'SELECT epoch FROM doc_room_owners WHERE activity_id = ?', [activityId]);
    expect(owner).toBeDefined();
    process.kill(node0.pid, 'SIGKILL');
    await waitFor(() => run.output.includes(`node 0 (pid ${node0.pid}) stopped`), 20_000, 'the script to see node 0 gone');
    // The first had its socket on node 0: it lost it, and reconnects through the balancer to node 1 or 2.
    await waitFor(() => first.closes.length > 0, 20_000, 'the socket on node 0 to close');
    for (let i = 0; i < 5; i++) add(first, `after-first-${i}`);
    for (let i = 0; i < 5; i++) add(second, `after-second-${i}`);
    await waitFor(() => readSwotItems(first.doc).length === 20 && readSwotItems(second.doc).length === 20, 60_000, 'both to hold all twenty');
    expect(first.provider.url.startsWith(run.base.replace('http', 'ws'))).toBe(true);

    const late = await connectClient(new Api(run.base, admin.token), activityId);
    clients.push(late);
    await synced(late);
    await waitFor(() => readSwotItems(late.doc).length === 20, 20_000, 'a newcomer to get all twenty');
    expect(late.doc.getMap('methods').toJSON()).toEqual(first.doc.getMap('methods').toJSON());
    // Node 0 owned the room; another node took it over, one epoch later (CLUSTER.md N3, N5).
    const [now] = await queryDatabase<{ epoch: number }>(database, 'SELECT epoch FROM doc_room_owners WHERE activity_id = ?', [activityId]);
    expect(now?.epoch).toBe(owner!.epoch + 1);
    expect(run.exitCode).toBeNull();
  });

  it('anonymous polls open on the cluster: its nodes share a secret key, kept in the data folder for the owner alone', async () => {
    const keyFile = path.join(dataDir, 'secret-key');
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const admin = new Api(run.base, token);
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    ({ id: pollId } = await admin.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'single',
      question: 'Do we open the Lyon store in spring?',
      options: ['Spring', 'Autumn'],
      rule: 'plurality',
      deadline,
      anonymous: true,
    }));
    await admin.ok('POST', `/api/polls/${pollId}/votes`, { choice: 'Autumn' });
    const [ballot] = await queryDatabase<{ ballot: string }>(run.database(), 'SELECT ballot FROM poll_ballots WHERE poll_id = ?', [pollId]);
    expect(ballot?.ballot).toMatch(/^b1:/);
  });

  it('Ctrl+C stops every node, the redis-server and the PostgreSQL it started', { timeout: 60_000 }, async () => {
    const pids = run.nodes().map((n) => n.pid);
    const redisPort = Number(/redis-server on redis:\/\/127\.0\.0\.1:(\d+)/.exec(run.output)?.[1]);
    const postgresPort = Number(new URL(run.database()).port);
    expect(redisPort).toBeGreaterThan(0);
    for (const c of clients.splice(0)) c.destroy();
    await run.interrupt();
    expect(run.exitCode).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    await expect(fetch(`${run.base}/healthz`)).rejects.toThrow();
    expect(await refuses(redisPort)).toBe(true);
    expect(await refuses(postgresPort)).toBe(true);
    // Stopped cleanly: no server left holding the cluster's folder.
    expect(existsSync(path.join(dataDir, 'postgres', 'data', 'postmaster.pid'))).toBe(false);
  });

  it('a second start on the same data folder finds the activity and its twenty items again', { timeout: 180_000 }, async () => {
    again = new ClusterRun(dataDir, await freePortBlock(4));
    await again.started();
    const client = await connectClient(new Api(again.base, token), activityId);
    clients.push(client);
    await synced(client);
    await waitFor(() => readSwotItems(client.doc).length === 20, 20_000, 'the twenty items after a restart');
    // The same key again: the anonymous ballot sealed before the stop is counted when the decision closes the poll.
    const api = new Api(again.base, token);
    await api.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'Open in Lyon in autumn.', rationale: 'The team prefers autumn.' });
    const decision = await api.ok<{ results: { result: { counts: { option: string; votes: number }[] } }[] }>(
      'GET',
      `/api/activities/${activityId}/decision`,
    );
    expect(decision.results[0]?.result.counts.map((c) => [c.option, c.votes])).toEqual([
      ['Spring', 0],
      ['Autumn', 1],
    ]);
    await again.interrupt();
    expect(again.exitCode).toBe(0);
  });
});
