import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';

/**
 * One morning SMS per person carrying several figures (issue 13, finding 10): before,
 * three figures scheduled for the same morning sent three SMS to each person. Against
 * the SMSC on loopback, with the relay's clock driven through CONCLAVE_FAKE_CLOCK_FILE.
 * Week of Monday 23 November 2026, Europe/Paris = UTC+1: 09:00 is 08:00Z.
 */
interface Preview {
  recipients: { name: string; text: string; segments: number; encoding: string; costMicros: number; excluded: string | null }[];
  totals: { receiving: number; excluded: number; segments: number; costMicros: number };
}

const people = [
  { name: 'Anne Roux', phone: '+33610000001' },
  { name: 'Bruno Petit', phone: '+33610000002' },
  { name: 'Chloe Marin', phone: '+33610000003' },
];
const monday = [
  'CA veille 22/11 : 1,23 M€ (-2,0 % vs prévision, +3,1 % vs N-1)',
  'Marge 22/11 : 412 k€ (-2,0 % vs prévision)',
  'Clients 22/11 : 3 210',
].join('\n');

describe('daily figures: one morning message per person carrying several figures', () => {
  let smsc: TestSmsc;
  let smppUrl: string;
  let relay: RelayProcess;
  let admin: Api;
  let clockDir: string;
  let clockFile: string;
  let listId: string;
  const figure: Record<string, string> = {};
  let scheduleId: string;

  const setClock = (iso: string) => writeFile(clockFile, iso);
  const start = async (extra: Record<string, string> = {}) => {
    relay = await startRelayProcess({
      dataDir: relay?.dataDir,
      port: relay ? Number(new URL(relay.url).port) : 0,
      env: { NODE_ENV: 'test', CONCLAVE_FAKE_CLOCK_FILE: clockFile, CONCLAVE_FIGURES_TICK_MS: '100', SMS_PROVIDER: 'smpp', SMPP_URL: smppUrl, ...extra },
    });
    admin = admin ? admin.as(admin.token!) : await setUpOrganisation(relay.url);
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
  };
  /** The figures SMS each person received, by phone (parts joined). */
  const received = () => {
    const byPhone = new Map<string, string[]>();
    for (const m of smsc.messages()) {
      if (!m.text.startsWith('CA veille')) continue;
      byPhone.set(`+${m.destination}`, [...(byPhone.get(`+${m.destination}`) ?? []), m.text]);
    }
    return byPhone;
  };
  const figureSubmits = () => smsc.submits.filter((s) => people.some((p) => `+${s.destination}` === p.phone));
  const putDay = async (day: string) => {
    await admin.ok('PUT', `/api/figures/${figure.sales}/values/${day}`, { value: 1_234_567, forecast: 1_234_567 * 1.02, lastYear: 1_234_567 * 0.97 });
    await admin.ok('PUT', `/api/figures/${figure.margin}/values/${day}`, { value: 412_000, forecast: 412_000 * 1.02 });
    await admin.ok('PUT', `/api/figures/${figure.clients}/values/${day}`, { value: 3210 });
  };

  beforeAll(async () => {
    smsc = new TestSmsc();
    smppUrl = await smsc.listen();
    clockDir = await mkdtemp(path.join(tmpdir(), 'figsched-morning-'));
    clockFile = path.join(clockDir, 'now');
    await setClock('2026-11-23T07:30:00Z'); // Monday 08:30 in Paris
    await start();
    const ids: string[] = [];
    for (const p of people) ids.push((await addSmsMember(admin, p.name, p.phone)).id);
    ({ id: listId } = await admin.ok<{ id: string }>('POST', '/api/lists', { name: 'Comité de direction', members: ids }));
    ({ id: figure.sales! } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' }));
    ({ id: figure.margin! } = await admin.ok<{ id: string }>('POST', '/api/figures', {
      label: 'Marge',
      unit: 'EUR',
      decimals: 0,
      template: '{label} {date} : {value} ({vsForecast} vs prévision)',
    }));
    ({ id: figure.clients! } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'Clients', unit: '', decimals: 0, template: '{label} {date} : {value}' }));
  });

  afterAll(async () => {
    await relay.stop();
    await smsc.close();
    await removeDataDir(relay.dataDir);
    await rm(clockDir, { recursive: true, force: true });
  });

  it('previews the message person by person: its lines, its segments and encoding, its cost', async () => {
    await putDay('2026-11-22');
    const preview = await admin.ok<Preview>('POST', '/api/figures/schedules/preview', {
      figureIds: [figure.sales, figure.margin, figure.clients],
      listId,
      date: '2026-11-22',
    });
    expect(preview.recipients.map((r) => [r.name, r.text, r.segments, r.encoding])).toEqual(people.map((p) => [p.name, monday, 1, 'GSM-7']));
    expect(preview.totals).toEqual({ receiving: 3, excluded: 0, segments: 3, costMicros: 3 * 72_500 });
    // A label outside GSM-7 makes the whole message UCS-2: 67 characters a part, so two of them.
    await admin.ok('PATCH', `/api/figures/${figure.clients}`, { smsLabel: 'Clients ✓' });
    const ucs2 = await admin.ok<Preview>('POST', '/api/figures/schedules/preview', { figureIds: [figure.sales, figure.margin, figure.clients], listId, date: '2026-11-22' });
    expect(ucs2.recipients[0]).toMatchObject({ encoding: 'UCS-2', segments: 2, costMicros: 2 * 72_500 });
    expect(ucs2.totals).toMatchObject({ segments: 6, costMicros: 6 * 72_500 });
    await admin.ok('PATCH', `/api/figures/${figure.clients}`, { smsLabel: null });
    // A figure without that day's values refuses the whole message, naming it.
    const missing = await admin.call<{ error: { message: string } }>('POST', '/api/figures/schedules/preview', { figureIds: [figure.sales, figure.margin], listId, date: '2026-11-21' });
    expect(missing.status).toBe(409);
    expect(missing.body.error.message).toMatch(/"CA veille" has no value for 2026-11-21/);
  });

  it('refuses a message with a figure twice, too many figures, or a figure of nobody; nothing is created', async () => {
    const before = (await admin.ok<{ schedules: unknown[] }>('GET', '/api/figures/schedules')).schedules;
    const twice = await admin.call('POST', '/api/figures/schedules', { figureId: figure.sales, figureIds: [figure.margin, figure.margin], listId });
    expect(twice.status).toBe(400);
    const many = await admin.call('POST', '/api/figures/schedules', { figureId: figure.sales, figureIds: Array.from({ length: 9 }, (_, i) => `figure-${i}-xxxxxxxx`), listId });
    expect(many.status).toBe(400);
    const unknown = await admin.call('POST', '/api/figures/schedules', { figureId: figure.sales, figureIds: [figure.margin, 'nobodys-figure-0001'], listId });
    expect(unknown.status).toBe(404);
    expect((await admin.ok<{ schedules: unknown[] }>('GET', '/api/figures/schedules')).schedules).toEqual(before);
  });

  it('at 09:00 each person gets ONE submit_sm carrying the three figures, not three SMS', async () => {
    ({ id: scheduleId } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', {
      figureId: figure.sales,
      figureIds: [figure.margin, figure.clients],
      listId,
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      time: '09:00',
      timeZone: 'Europe/Paris',
    }));
    expect(await admin.ok('GET', `/api/figures/schedules/${scheduleId}`)).toMatchObject({
      figureId: figure.sales,
      figureIds: [figure.sales, figure.margin, figure.clients],
    });
    await setClock('2026-11-23T08:00:00Z');
    await waitUntil(async () => received().size === 3, 'one SMS per person at the SMSC');
    await new Promise((r) => setTimeout(r, 600));
    for (const p of people) expect(received().get(p.phone)).toEqual([monday]);
    expect(figureSubmits()).toHaveLength(3);
    expect(figureSubmits().every((s) => s.dataCoding === 0 && (s.esmClass & 0x40) === 0)).toBe(true); // one GSM-7 part each
  });

  it('a value missing for one figure holds the whole message, names that figure, then sends it whole', async () => {
    await admin.ok('PUT', `/api/figures/${figure.sales}/values/2026-11-23`, { value: 1_234_567, forecast: 1_234_567 * 1.02, lastYear: 1_234_567 * 0.97 });
    await admin.ok('PUT', `/api/figures/${figure.clients}/values/2026-11-23`, { value: 3210 });
    await setClock('2026-11-24T08:00:00Z'); // Tuesday 09:00: Marge has no value for Monday
    const alert = await waitUntil(
      async () => (await admin.ok<{ alerts: { kind: string; text: string; day: string }[] }>('GET', '/api/figures/alerts')).alerts.find((a) => a.kind === 'values-missing'),
      'the missing-values alert',
    );
    expect(alert.day).toBe('2026-11-23');
    expect(alert.text).toContain('Marge');
    expect(alert.text).not.toContain('CA veille');
    await new Promise((r) => setTimeout(r, 600));
    expect([...received().values()].map((t) => t.length)).toEqual([1, 1, 1]);
    await admin.ok('PUT', `/api/figures/${figure.margin}/values/2026-11-23`, { value: 412_000, forecast: 412_000 * 1.02 });
    await waitUntil(async () => [...received().values()].every((t) => t.length === 2), 'the message, whole');
    expect(received().get(people[0]!.phone)![1]).toBe(monday.replaceAll('22/11', '23/11'));
  });

  it('a kill -9 right after the claim, then a restart: each person still gets the message exactly once', async () => {
    await putDay('2026-11-24');
    await relay.stop();
    await setClock('2026-11-25T07:59:58Z');
    await start({ CONCLAVE_FIGURES_CRASH_AT: 'after-claim' });
    await waitUntil(async () => relay.child.exitCode !== null || relay.child.signalCode !== null, 'the planned crash', 30_000);
    expect([...received().values()].map((t) => t.length)).toEqual([2, 2, 2]);
    await setClock('2026-11-25T08:00:30Z');
    await start();
    await waitUntil(async () => [...received().values()].every((t) => t.length === 3), 'the resumed send');
    await new Promise((r) => setTimeout(r, 800));
    expect([...received().values()].map((t) => t.length)).toEqual([3, 3, 3]);
    for (const p of people) expect(received().get(p.phone)![2]).toBe(monday.replaceAll('22/11', '24/11'));
    expect(figureSubmits()).toHaveLength(9);
  });

  it('a kill -9 right after the gateway took them sends nothing twice either', async () => {
    await putDay('2026-11-25');
    await relay.stop();
    await setClock('2026-11-26T07:59:58Z');
    await start({ CONCLAVE_FIGURES_CRASH_AT: 'after-enqueue' });
    await waitUntil(async () => relay.child.exitCode !== null || relay.child.signalCode !== null, 'the planned crash', 30_000);
    await setClock('2026-11-26T08:00:30Z');
    await start();
    await waitUntil(async () => [...received().values()].every((t) => t.length === 4), 'the queued send');
    await new Promise((r) => setTimeout(r, 800));
    expect([...received().values()].map((t) => t.length)).toEqual([4, 4, 4]);
    expect(figureSubmits()).toHaveLength(12);
  });
});
