#!/usr/bin/env node
// Installs what a fresh clone is missing, using only Node's own modules:
//  - npm dependencies (without Electron's runtime download, which cannot work offline);
//  - with --browser, Debian's Chromium for the end-to-end tests.
// Quiet and quick when everything is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'node_modules', '.conclave-install-stamp');

function fail(message) {
  console.error(`\nconclave: ${message}\n`);
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js 20.19 or newer is needed; this is ${process.version}.`);

function lockHash() {
  const lock = path.join(root, 'package-lock.json');
  const pkg = readFileSync(path.join(root, 'package.json'));
  return createHash('sha256')
    .update(pkg)
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .digest('hex');
}

function installDependencies() {
  const wanted = lockHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  console.error('conclave: installing dependencies (first run builds sqlite3: about a minute)…');
  const command = existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install';
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (result.status !== 0) fail(`npm ${command} failed (exit ${result.status}).`);
  writeFileSync(stamp, wanted);
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function ensureChromium() {
  if (chromiumPath()) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.error("conclave: installing Debian's chromium for the end-to-end tests…");
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      fail('could not install chromium with apt-get; install it by hand and run again.');
    }
    if (chromiumPath()) return;
  }
  fail(
    'the end-to-end tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run again.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installDependencies();
  if (process.argv.includes('--browser')) ensureChromium();
}
