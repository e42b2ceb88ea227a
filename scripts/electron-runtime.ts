/**
 * For `npm start`: is an Electron runtime installed (the npm package's download is
 * skipped on machines without access to it), and launching the desktop app on a relay.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The Electron executable, or null when none is installed. The `electron` package
 * exports its path (honouring ELECTRON_OVERRIDE_DIST_PATH) and throws when its
 * download never happened; the file must also exist.
 */
export function electronRuntimePath(): string | null {
  const require = createRequire(path.join(root, 'package.json'));
  try {
    const executable: unknown = require('electron');
    return typeof executable === 'string' && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

export interface LaunchOptions {
  stdio?: StdioOptions;
  /** Extra environment for the app (merged over this process's). */
  env?: Record<string, string>;
}

/**
 * Starts the desktop app in development (`electron-forge start`: the renderer from
 * Vite's dev server, main and preload built) pointed at `relayUrl`. Throws when no
 * Electron runtime is installed; check `electronRuntimePath()` first.
 */
export function launchDesktop(relayUrl: string, options: LaunchOptions = {}): ChildProcess {
  if (!electronRuntimePath()) {
    throw new Error(
      'no Electron runtime is installed (node_modules/electron has no dist/): open the web client instead',
    );
  }
  const forge = path.join(root, 'node_modules', '@electron-forge', 'cli', 'dist', 'electron-forge.js');
  return spawn(process.execPath, [forge, 'start'], {
    cwd: root,
    stdio: options.stdio ?? 'inherit',
    env: { ...process.env, ...options.env, CONCLAVE_RELAY_URL: relayUrl },
  });
}
