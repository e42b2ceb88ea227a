/**
 * The composition root (main/main.ts) as built by Vite, run under Node with a
 * stand-in `electron` module: checks the wiring the unit tests cannot see.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const fake = path.join(import.meta.dirname, 'fake-electron');
let work: string;

interface Run {
  calls: string[];
  channels: string[];
  webPreferences: Record<string, unknown> | null;
  relayUrl: { value?: unknown; error?: string };
  foreign: { value?: unknown; error?: string };
  saved: { value?: unknown };
  loaded: { value?: unknown };
  page: { status: number; csp: string | null; body: string };
  headers: Record<string, string[]> | null;
  navigationPrevented: boolean;
  permission: Record<string, boolean>;
}
let run: Run;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'conclave-built-main-'));
  const outDir = path.join(work, 'build');
  for (const config of ['main/vite.main.config.ts', 'main/vite.preload.config.ts']) {
    await build({ configFile: path.join(root, config), root, logLevel: 'silent', build: { outDir } });
  }
  await mkdir(path.join(work, 'renderer', 'main_window'), { recursive: true });
  await writeFile(path.join(work, 'renderer', 'main_window', 'index.html'), '<!doctype html><title>Conclave</title>');
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(path.join(fake, 'register.mjs')).href,
      path.join(fake, 'drive.mjs'),
      pathToFileURL(path.join(outDir, 'main.js')).href,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, FAKE_USER_DATA: path.join(work, 'user'), CONCLAVE_RELAY_URL: 'http://127.0.0.1:9999' },
    },
  );
  if (result.status !== 0) throw new Error(`the built main process failed:\n${result.stderr}`);
  run = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Run;
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the built main process', () => {
  it('registers the app scheme and the sandbox before anything else, then opens the app', () => {
    expect(run.calls.slice(0, 3)).toEqual([
      'app.enableSandbox',
      expect.stringMatching(/^protocol.registerSchemesAsPrivileged .*"scheme":"app"/),
      'app.requestSingleInstanceLock',
    ]);
    expect(run.calls).toContain('window.loadURL app://conclave/index.html');
    expect(run.calls).not.toContain('app.setAsDefaultProtocolClient conclave');
  });

  it('opens the window isolated and sandboxed, with the built preload', () => {
    expect(run.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(run.webPreferences?.preload)).toBe(path.join(work, 'build', 'preload.cjs'));
  });

  it('answers the bridge for the app page, with the relay given at launch, and refuses others', () => {
    expect(run.channels).toHaveLength(8);
    expect(run.relayUrl).toEqual({ value: 'http://127.0.0.1:9999' });
    expect(run.foreign.error).toMatch(/only answered to the app's own page/);
    expect(run.saved).toEqual({ value: { ok: true } });
    expect(run.loaded).toEqual({ value: 'tok_0123456789abcdefghij' });
  });

  it('serves the built page under app:// with the desktop CSP, and sets it on other responses', () => {
    expect(run.page.status).toBe(200);
    expect(run.page.body).toContain('<title>Conclave</title>');
    expect(run.page.csp).toContain("connect-src 'self' http://127.0.0.1:9999 ws://127.0.0.1:9999");
    expect(run.headers?.['Content-Security-Policy']).toEqual([run.page.csp]);
    expect(run.headers?.['content-security-policy']).toBeUndefined();
  });

  it('guards the window and denies permissions but the two harmless ones', () => {
    expect(run.navigationPrevented).toBe(true);
    expect(run.calls).toContain('shell.openExternal https://example.org/');
    expect(run.permission).toEqual({
      'media app://conclave/index.html': false,
      'fullscreen app://conclave/index.html': true,
      'fullscreen https://evil.example/': false,
    });
  });
});
