import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Api, setUpOrganisation } from './api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from './relay.ts';
import { TestSmtp } from './smtp.ts';

/** A real relay sending through an SMTP server on loopback, on a clock the test sets. */
export interface MailRelay {
  relay: RelayProcess;
  smtp: TestSmtp;
  setClock(at: Date): Promise<void>;
  close(): Promise<void>;
}

export async function startMailRelay(start: Date, env: Record<string, string> = {}): Promise<MailRelay> {
  const smtp = new TestSmtp();
  await smtp.listen();
  const clockDir = await mkdtemp(path.join(tmpdir(), 'conclave-clock-'));
  const setClock = (at: Date) => writeFile(path.join(clockDir, 'now'), at.toISOString());
  await setClock(start);
  const relay = await startRelayProcess({
    env: {
      NODE_ENV: 'test',
      CONCLAVE_FAKE_CLOCK_FILE: path.join(clockDir, 'now'),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Conclave <conclave@durand.example>',
      ...env,
    },
  });
  const world: MailRelay = {
    relay,
    smtp,
    setClock,
    // The relay the test holds now: a test that restarts it puts the new one in `relay`.
    async close() {
      await world.relay.stop();
      await smtp.close();
      await removeDataDir(world.relay.dataDir);
      await rm(clockDir, { recursive: true, force: true });
    },
  };
  return world;
}

/**
 * For a test file: before all, a mail relay with an organisation set up (its admin's
 * API handed to `ready`); after all, everything closed.
 */
export function withMailOrganisation(start: Date, ready: (world: MailRelay, admin: Api) => void, env: Record<string, string> = {}) {
  let world: MailRelay | undefined;
  beforeAll(async () => {
    world = await startMailRelay(start, env);
    ready(world, await setUpOrganisation(world.relay.url));
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });
}
