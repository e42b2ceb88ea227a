/**
 * `npm start`: the relay with its SQLite store and the outbox SMS provider, and the
 * desktop app — or, without an Electron runtime, the same client in a browser.
 * `npm start -- --demo` also seeds a demo organisation on a fresh data directory.
 */
import { startRelay } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/log.ts';
import { seedDemo } from './demo/seed.ts';
import { electronRuntimePath, launchDesktop } from './electron-runtime.ts';
import { ensureWebBuild, webRoot } from './web-build.ts';

const demo = process.argv.includes('--demo');

ensureWebBuild();
const config = { ...loadConfig({ CONCLAVE_WEB_ROOT: webRoot, ...process.env }) };
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const relay = await startRelay(config, log);

console.log(`\nConclave relay: ${relay.url}  (data in ${config.dataDir}, SMS provider: ${process.env.SMS_PROVIDER ?? 'outbox'})`);
if (demo) {
  const seeded = await seedDemo(relay.url);
  if (seeded) {
    console.log('\nDemo organisation "Maison Durand" ready. Sign in as any of:');
    for (const person of seeded.people) console.log(`  ${person.email.padEnd(34)} ${person.role}`);
    console.log(`  password for all: ${seeded.password}`);
  } else console.log('\nThis data directory is already set up: the demo was not seeded again.');
}

if (electronRuntimePath()) {
  console.log('Opening the desktop app…');
  const app = launchDesktop(relay.url);
  app.on('exit', () => void shutdown());
} else {
  console.log(`\nNo Electron runtime here: open the client in your browser at\n\n  ${relay.url}/\n`);
  console.log('Stop with Ctrl+C.');
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await relay.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
