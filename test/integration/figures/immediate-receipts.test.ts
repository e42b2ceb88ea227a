import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Issue 20: an SMSC that sends each receipt in the same write as its submit_sm_resp,
 * naming only its message id. Every director gets the figures; the delivery watch at
 * 09:15 must find them all delivered and tell the controller nothing.
 * Monday 23 November 2026, Europe/Paris = UTC+1: 09:00 is 08:00Z.
 */
const directors = Array.from({ length: 10 }, (_, i) => ({ name: `Directrice ${String.fromCharCode(65 + i)}`, phone: `+3362000000${i}` }));

describe('daily figures with receipts right behind each answer', () => {
  let smsc: TestSmsc;
  let relay: RelayProcess;
  let admin: Api;
  let clockDir: string;
  let clockFile: string;
  let scheduleId: string;
  const setClock = (iso: string) => writeFile(clockFile, iso);

  beforeAll(async () => {
    smsc = new TestSmsc({ receiptTiming: 'with-response', receiptTlvs: false, intermediate: 'before' });
    clockDir = await mkdtemp(path.join(tmpdir(), 'conclave-clock-'));
    clockFile = path.join(clockDir, 'now');
    await setClock('2026-11-23T07:30:00Z');
    relay = await startRelayProcess({
      env: {
        NODE_ENV: 'test',
        CONCLAVE_FAKE_CLOCK_FILE: clockFile,
        CONCLAVE_FIGURES_TICK_MS: '100',
        SMS_PROVIDER: 'smpp',
        SMPP_URL: await smsc.listen(),
        SMS_UNCONFIRMED_GRACE_MS: '600000',
      },
    });
    admin = await setUpOrganisation(relay.url);
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
    const ids: string[] = [];
    for (const d of directors) ids.push((await addSmsMember(admin, d.name, d.phone)).id);
    const { id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' });
    const { id: listId } = await admin.ok<{ id: string }>('POST', '/api/lists', { name: 'Comité de direction', members: ids });
    ({ id: scheduleId } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId }));
    await admin.ok('PUT', `/api/figures/${figureId}/values/2026-11-22`, { value: 1_234_567, forecast: 1_259_258, lastYear: 1_197_530 });
  });

  afterAll(async () => {
    await relay.stop();
    await smsc.close();
    await removeDataDir(relay.dataDir);
    await rm(clockDir, { recursive: true, force: true });
  });

  it('at 09:00 all ten are delivered, and the 09:15 watch raises no "not delivered" alert', async () => {
    await setClock('2026-11-23T08:00:00Z');
    await waitUntil(async () => smsc.submits.length === 10, 'ten SMS at the SMSC');
    const runs = async () =>
      (await admin.ok<{ runs: { day: string; state: string; sent: number; delivered: number }[] }>('GET', `/api/figures/schedules/${scheduleId}`)).runs;
    await waitUntil(async () => (await runs())[0]?.delivered === 10, 'ten receipts recorded', 20_000);
    await setClock('2026-11-23T08:16:00Z');
    await waitUntil(
      async () => (await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM figure_sends WHERE watched_at IS NULL'))[0]!.n === 0,
      'the delivery watch to have looked',
    );
    const { alerts } = await admin.ok<{ alerts: { kind: string }[] }>('GET', '/api/figures/alerts');
    expect(alerts.filter((a) => a.kind === 'undelivered')).toEqual([]);
    expect((await runs())[0]).toMatchObject({ day: '2026-11-22', state: 'sent', sent: 10, delivered: 10 });
  });
});
