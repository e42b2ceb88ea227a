import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSwotItems } from '#core/doc/swot';
import { Api } from '../../support/api.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function start(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: '0', CONCLAVE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { child, output: '' };
  child.stdout?.on('data', (d: Buffer) => (run.output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (run.output += d.toString()));
  return run;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

describe('npm start -- --demo', () => {
  let run: ReturnType<typeof start>;
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'conclave-start-'));
    run = start(dataDir);
    await waitFor(() => /Stop with Ctrl\+C/.test(run.output) || run.child.exitCode !== null, 120_000, 'npm start');
    url = /open the client in your browser at\s+(\S+)\//.exec(run.output)?.[1] ?? '';
  }, 150_000);

  afterAll(async () => {
    await stop(run.child);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the URL of the client, served by the relay with its CSP', async () => {
    expect(url, run.output).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('seeds people who can sign in, and an activity whose board holds the SWOT', async () => {
    const password = /password for all: (\S+)/.exec(run.output)?.[1];
    expect(password).toBeTruthy();
    const { token } = await new Api(url).ok<{ token: string }>('POST', '/api/session', { email: 'bruno@durand.example', password });
    const bruno = new Api(url, token);
    const { activities } = await bruno.ok<{ activities: { id: string; title: string; myRole: string }[] }>('GET', '/api/activities');
    expect(activities.map((a) => [a.title, a.myRole]).sort()).toEqual([
      ['Boîte à idées 2027', 'contributor'],
      ['Magasin de Lyon', 'contributor'],
    ]);
    const lyon = activities.find((a) => a.title === 'Magasin de Lyon')!;
    const { ideas } = await bruno.ok<{ ideas: { title: string; votes: number }[] }>(
      'GET',
      `/api/activities/${activities.find((a) => a.title !== lyon.title)!.id}/ideas?sort=votes`,
    );
    expect(ideas.slice(0, 2).map((i) => i.votes)).toEqual([3, 3]);
    const client = await connectClient(bruno, lyon.id, new Y.Doc());
    await synced(client);
    await waitFor(() => readSwotItems(client.doc).length === 8, 10_000, 'SWOT items');
    client.destroy();
  });

  it('seeds a daily figure with weeks of history and its morning schedule', async () => {
    const password = /password for all: (\S+)/.exec(run.output)?.[1];
    const { token } = await new Api(url).ok<{ token: string }>('POST', '/api/session', { email: 'alice@durand.example', password });
    const alice = new Api(url, token);
    const { figures } = await alice.ok<{ figures: { id: string; label: string }[] }>('GET', '/api/figures');
    expect(figures.map((f) => f.label)).toContain('CA veille');
  });

  it('keeps its data across a restart and does not seed it twice', async () => {
    await stop(run.child);
    const again = start(dataDir);
    await waitFor(() => /Stop with Ctrl\+C/.test(again.output) || again.child.exitCode !== null, 120_000, 'second start');
    expect(again.output).toContain('already set up');
    const secondUrl = /open the client in your browser at\s+(\S+)\//.exec(again.output)?.[1] ?? '';
    const { users } = await new Api(secondUrl).ok<{ token: string }>('POST', '/api/session', {
      email: 'alice@durand.example',
      password: /password for all: (\S+)/.exec(run.output)?.[1],
    }).then(({ token }) => new Api(secondUrl, token).ok<{ users: unknown[] }>('GET', '/api/users'));
    expect(users).toHaveLength(5);
    await stop(again.child);
  }, 150_000);
});
