import { startRelay } from './app.ts';
import { clockOf } from './clock.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';

// Everything the relay writes (the store, its WAL, photos, folders) is private to its user.
process.umask(0o077);
const config = loadConfig();
const log = createLogger(config.logLevel);
const relay = await startRelay(config, log, clockOf(config.fakeClockFile));
log.info({ url: relay.url, dataDir: config.dataDir }, 'relay listening');
// Tools (tests, npm start) read this line to learn the port when PORT=0.
process.stdout.write(`CONCLAVE_RELAY_LISTENING ${relay.url}\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining');
    relay.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'drain failed');
        process.exit(1);
      },
    );
  });
}
