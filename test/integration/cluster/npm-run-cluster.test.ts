import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { freePortBlock } from '../../support/port-block.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Issue 19's newcomer: `npm run cluster` (scripts/cluster.ts) starts two nodes on one SQLite
 * store, its own redis-server, and a balancer on PORT; two people edit through it (so
 * through both nodes), one node is killed, and nothing anyone had is lost.
 */
describe('npm run cluster (issue 19)', () => {
  let cluster: ChildProcess;
  let output = '';
  let dataDir: string;
  let base: string;
  const clients: SyncClient[] = [];
  const exited = () => new Promise<void>((resolve) => (cluster.exitCode !== null || cluster.signalCode !== null ? resolve() : cluster.once('exit', () => resolve())));

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'nodes-npm-cluster-'));
    // The balancer on PORT, its two nodes on the two ports after it: all three free, and out of
    // the kernel's ephemeral range, where another test's connection could hold PORT + 1.
    const port = await freePortBlock(3);
    base = `http://127.0.0.1:${port}`;
    // As `npm run cluster` runs it, without the install step and the client's build.
    cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), CONCLAVE_DATA_DIR: dataDir, CONCLAVE_WEB_ROOT: '', CONCLAVE_REDIS_URL: '', CONCLAVE_NODE_LEASE_MS: '2000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    cluster.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(() => output.includes('Stop with Ctrl+C.') || cluster.exitCode !== null, 120_000, 'the cluster to start');
    if (!output.includes('Stop with Ctrl+C.')) throw new Error(`npm run cluster did not start:\n${output}`);
  }, 150_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    if (cluster) {
      cluster.kill('SIGTERM');
      await exited();
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  interface Listed {
    index: number;
    url: string;
    pid: number;
  }
  /** The nodes as the script listed them: address and pid. */
  const listed = (): Listed[] => [...output.matchAll(/node (\d+): (http:\S+)\s+pid (\d+)/g)].map((m) => ({ index: Number(m[1]), url: m[2]!, pid: Number(m[3]) }));

  it('says where the balancer and each of its two nodes listen, and each answers', async () => {
    expect(output).toContain(`open ${base}/`);
    const nodes = listed();
    expect(nodes.map((n) => n.index)).toEqual([0, 1]);
    for (const url of [base, ...nodes.map((n) => n.url)]) expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('two people edit through the balancer; a node is killed; both go on, and a newcomer gets everything', { timeout: 180_000 }, async () => {
    const [node0, node1] = listed() as [Listed, Listed];
    // The API through node 1 (the survivor), so that only the sockets go through the balancer:
    // they take the nodes in turn, one client on each.
    const admin = await setUpOrganisation(node1.url);
    const me = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon store', question: 'Open in Lyon?' });
    const at = new Date();
    const add = (client: SyncClient, id: string) => addSwotItem(client.doc, { id, quadrant: 'strengths', text: id, author: { id: me.id, name: me.name }, at });
    // The ticket names the balancer: each socket goes to the next node in turn.
    const first = await connectClient(admin, activityId);
    const second = await connectClient(admin, activityId);
    clients.push(first, second);
    expect(first.provider.url.startsWith(base.replace('http', 'ws'))).toBe(true);
    await Promise.all([synced(first), synced(second)]);
    for (let i = 0; i < 5; i++) add(first, `before-first-${i}`);
    for (let i = 0; i < 5; i++) add(second, `before-second-${i}`);
    await waitFor(() => readSwotItems(first.doc).length === 10 && readSwotItems(second.doc).length === 10, 20_000, 'both to hold the first ten');

    const [owner] = await queryStore<{ epoch: number }>(dataDir, 'SELECT epoch FROM doc_room_owners WHERE activity_id = ?', [activityId]);
    process.kill(node0.pid, 'SIGKILL');
    await waitFor(() => output.includes(`node 0 (pid ${node0.pid}) stopped`), 20_000, 'the script to see node 0 gone');
    // One of the two had its socket on node 0: it lost it, and reconnects through the balancer.
    await waitFor(() => first.closes.length + second.closes.length > 0, 20_000, 'a socket on node 0 to close');
    for (let i = 0; i < 5; i++) add(first, `after-first-${i}`);
    for (let i = 0; i < 5; i++) add(second, `after-second-${i}`);
    await waitFor(() => readSwotItems(first.doc).length === 20 && readSwotItems(second.doc).length === 20, 60_000, 'both to hold all twenty');

    const late = await connectClient(new Api(base, admin.token), activityId);
    clients.push(late);
    await synced(late);
    await waitFor(() => readSwotItems(late.doc).length === 20, 20_000, 'a newcomer to get all twenty');
    expect(late.doc.getMap('methods').toJSON()).toEqual(first.doc.getMap('methods').toJSON());
    // Whichever node owned the room, it is node 1's now: taken over, or kept (CLUSTER.md N5).
    const [now] = await queryStore<{ epoch: number }>(dataDir, 'SELECT epoch FROM doc_room_owners WHERE activity_id = ?', [activityId]);
    expect([owner!.epoch, owner!.epoch + 1]).toContain(now?.epoch);
    expect(cluster.exitCode).toBeNull();
  });

  it('Ctrl+C stops every node and the redis-server it started', { timeout: 60_000 }, async () => {
    const pids = listed().map((n) => n.pid);
    const redisPort = /redis-server on redis:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    expect(redisPort).toBeDefined();
    cluster.kill('SIGINT');
    await exited();
    expect(cluster.exitCode).toBe(0);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(pids.filter(alive)).toEqual([]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(redisPort), '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
