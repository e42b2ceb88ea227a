import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncTicket } from '#core/api/activities';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * The agenda timer everyone sees runs on the relay's clock (core/sync/relay-clock.ts): each
 * sync ticket answer carries the relay's time. Here the relay's clock is three hours ahead of
 * this machine's; the answer says the relay's time, not ours.
 */
describe("the relay's time in the sync ticket", () => {
  let relay: RelayProcess;
  let dir: string;
  let admin: Api;
  const relayStart = Date.parse('2027-03-01T12:00:00Z');
  let written: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'methods-clock-'));
    const clockFile = path.join(dir, 'clock');
    written = Date.now();
    await writeFile(clockFile, new Date(relayStart).toISOString());
    relay = await startRelayProcess({ env: { NODE_ENV: 'test', CONCLAVE_FAKE_CLOCK_FILE: clockFile } });
    admin = await setUpOrganisation(relay.url);
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
    await rm(dir, { recursive: true, force: true });
  });

  it('a ticket answer carries the relay’s clock, wherever this machine’s is', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Weekly', question: 'What next?', template: 'meeting' });
    const ticket = SyncTicket.parse(await admin.ok('POST', `/api/activities/${id}/sync-ticket`));
    const after = Date.now();
    // The relay's clock read the file after it was written and ran on in real time from there.
    expect(ticket.now).toBeGreaterThanOrEqual(relayStart);
    expect(ticket.now).toBeLessThanOrEqual(relayStart + (after - written));
    expect(Math.abs(ticket.now! - after)).toBeGreaterThan(60_000);
  });
});
