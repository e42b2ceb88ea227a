import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronRuntimePath, launchDesktop } from '../../../scripts/electron-runtime.ts';

const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
});

describe('electron runtime detection', () => {
  it('finds a runtime where the electron package says it is', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'conclave-electron-'));
    try {
      const name = await readFile(path.join(electronDir, 'path.txt'), 'utf8').catch(() => 'electron');
      await writeFile(path.join(dist, name), '#!/bin/sh\n');
      await chmod(path.join(dist, name), 0o755);
      process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
      expect(electronRuntimePath()).toBe(path.join(dist, name));
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });

  it('reports none when the runtime file is missing, and then refuses to launch', () => {
    process.env.ELECTRON_OVERRIDE_DIST_PATH = path.join(tmpdir(), 'conclave-no-electron-here');
    expect(electronRuntimePath()).toBeNull();
    expect(() => launchDesktop('http://127.0.0.1:8787')).toThrow(/no Electron runtime/);
  });
});
