#!/usr/bin/env node
// Installs what a fresh clone is missing, using only Node's own modules:
//  - npm dependencies (without Electron's runtime download, which cannot work offline);
//  - with --browser, Debian's Chromium, PostgreSQL and Redis for the tests that use them.
// Quiet and quick when everything is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/** Debian's PostgreSQL server binaries (the store's second engine, issue 19's tests), if installed. */
function postgresInstalled() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return false;
  return readdirSync(base).some((v) => existsSync(path.join(base, v, 'bin', 'initdb')) && existsSync(path.join(base, v, 'bin', 'pg_ctl')));
}

/** What the tests need from Debian, each with how to tell it is there. */
const testPackages = [
  { name: 'chromium', why: 'the end-to-end tests', present: () => chromiumPath() !== null },
  { name: 'postgresql', why: 'the store on PostgreSQL', present: postgresInstalled },
  { name: 'redis-server', why: 'several relay nodes', present: () => ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].some((p) => existsSync(p)) },
];

function ensureTestPackages() {
  const missing = testPackages.filter((p) => !p.present());
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.error(`conclave: installing Debian's ${names.join(', ')} for ${missing.map((p) => p.why).join(', ')}…`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', ...names], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      fail(`could not install ${names.join(', ')} with apt-get; install them by hand and run again.`);
    }
    if (missing.every((p) => p.present())) return;
  }
  fail(
    `the tests need ${names.join(', ')} (${missing.map((p) => p.why).join(', ')}). Install them ` +
      `(Debian/Ubuntu: \`sudo apt-get install ${names.join(' ')}\`; CHROMIUM_PATH may point at another Chromium), then run again.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installDependencies();
  if (process.argv.includes('--browser')) ensureTestPackages();
}
