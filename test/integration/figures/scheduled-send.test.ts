import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';

/**
 * The whole flow against the SMSC on loopback, with the relay's clock driven through
 * CONCLAVE_FAKE_CLOCK_FILE (honoured only under NODE_ENV=test, see server/clock.ts).
 * Week of Monday 23 November 2026, Europe/Paris = UTC+1: 09:00 is 08:00Z.
 */
interface Alert {
  kind: string;
  text: string;
  day: string | null;
  sms: string | null;
}

const directors = Array.from({ length: 10 }, (_, i) => ({ name: `Directeur ${String.fromCharCode(65 + i)}`, phone: `+3361000000${i}` }));
const withheld = directors[6]!; // Directeur G: the SMSC never confirms delivery to them

describe('daily figures: scheduled 09:00 send through an SMSC on loopback', () => {
  let smsc: TestSmsc;
  let smppUrl: string;
  let relay: RelayProcess;
  let admin: Api;
  let clockDir: string;
  let clockFile: string;
  let figureId: string;
  let scheduleId: string;
  const seen = new Set<string>();

  const setClock = (iso: string) => writeFile(clockFile, iso);
  const env = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    CONCLAVE_FAKE_CLOCK_FILE: clockFile,
    CONCLAVE_FIGURES_TICK_MS: '100',
    SMS_PROVIDER: 'smpp',
    SMPP_URL: smppUrl,
    SMS_UNCONFIRMED_GRACE_MS: '600000',
    ...extra,
  });
  const start = async (extra: Record<string, string> = {}) => {
    const options = { dataDir: relay?.dataDir, port: relay ? Number(new URL(relay.url).port) : 0, env: env(extra) };
    relay = await startRelayProcess(options);
    admin = admin ? admin.as(admin.token!) : await setUpOrganisation(relay.url);
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
  };
  /** The figures SMS each director received, by phone. */
  const received = () => {
    const byPhone = new Map<string, string[]>();
    for (const m of smsc.messages()) {
      const phone = `+${m.destination}`;
      if (!m.text.startsWith('CA veille')) continue;
      byPhone.set(phone, [...(byPhone.get(phone) ?? []), m.text]);
    }
    return byPhone;
  };
  /** The SMSC's delivery receipts, for every message so far but those to `phone`. */
  const confirmAllBut = (phone?: string) => {
    for (const s of smsc.submits) {
      if (s.messageId && `+${s.destination}` !== phone && !seen.has(s.messageId)) {
        seen.add(s.messageId);
        smsc.receiptFor(s.messageId);
      }
    }
  };
  const alerts = async () => (await admin.ok<{ alerts: Alert[] }>('GET', '/api/figures/alerts')).alerts;
  const putValues = (day: string, value: number) =>
    admin.ok('PUT', `/api/figures/${figureId}/values/${day}`, { value, forecast: value * 1.02, lastYear: value * 0.97 });

  beforeAll(async () => {
    smsc = new TestSmsc({ receipts: false });
    smppUrl = await smsc.listen();
    clockDir = await mkdtemp(path.join(tmpdir(), 'conclave-clock-'));
    clockFile = path.join(clockDir, 'now');
    await setClock('2026-11-23T07:30:00Z'); // Monday 08:30 in Paris
    await start();
    const me = await admin.ok<{ id: string }>('GET', '/api/me');
    await admin.ok('PATCH', `/api/users/${me.id}`, { phone: '+33699999999' });
    await admin.ok('PUT', `/api/sms/consents/${me.id}`, { optIn: true });
    const ids: string[] = [];
    for (const d of directors) ids.push((await addSmsMember(admin, d.name, d.phone)).id);
    ({ id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' }));
    const { id: listId } = await admin.ok<{ id: string }>('POST', '/api/lists', { name: 'Comité de direction', members: ids });
    ({ id: scheduleId } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId }));
  });

  afterAll(async () => {
    await relay.stop();
    await smsc.close();
    await removeDataDir(relay.dataDir);
    await rm(clockDir, { recursive: true, force: true });
  });

  it('before 09:00 nothing goes; at 09:00 each of ten directors gets exactly one correct SMS', async () => {
    await putValues('2026-11-22', 1_234_567);
    const preview = await admin.ok<{ totals: { receiving: number; segments: number; costMicros: number } }>(
      'POST',
      `/api/figures/${figureId}/preview`,
      { date: '2026-11-22', listId: (await admin.ok<{ listId: string }>('GET', `/api/figures/schedules/${scheduleId}`)).listId },
    );
    expect(preview.totals).toEqual({ receiving: 10, excluded: 0, segments: 10, costMicros: 725_000 });
    await setClock('2026-11-23T07:59:50Z');
    await new Promise((r) => setTimeout(r, 600));
    expect(smsc.submits).toHaveLength(0);
    await setClock('2026-11-23T08:00:00Z');
    await waitUntil(async () => received().size === 10, 'ten SMS at the SMSC');
    for (const d of directors) {
      expect(received().get(d.phone)).toEqual(['CA veille 22/11 : 1,23 M€ (-2,0 % vs prévision, +3,1 % vs N-1)']);
    }
    expect(smsc.submits.every((s) => s.dataCoding === 0 && (s.esmClass & 0x40) === 0)).toBe(true); // one GSM-7 part each
  });

  it('a kill -9 and restart at 09:05 sends nothing again', async () => {
    await relay.kill9();
    await setClock('2026-11-23T08:05:00Z');
    await start();
    await new Promise((r) => setTimeout(r, 800));
    expect([...received().values()].map((t) => t.length)).toEqual(Array(10).fill(1));
  });

  it('receipts come for nine; 15 minutes on, the controller is alerted with who and why, in the app and by SMS', async () => {
    confirmAllBut(withheld.phone);
    await setClock('2026-11-23T08:14:00Z');
    await new Promise((r) => setTimeout(r, 600));
    expect((await alerts()).filter((a) => a.kind === 'undelivered')).toEqual([]);
    await setClock('2026-11-23T08:16:00Z');
    const alert = await waitUntil(async () => (await alerts()).find((a) => a.kind === 'undelivered'), 'the undelivered alert');
    expect(alert.text).toMatch(/^Conclave : CA veille du 22\/11, 1 SMS sur 10 non remis après 15 min : Directeur G \(sent: accepted by smpp/);
    await waitUntil(async () => smsc.messages().some((m) => m.destination === '33699999999' && m.text.includes('Directeur G')), 'the alert by SMS');
    const schedule = await admin.ok<{ runs: { day: string; state: string; sent: number; delivered: number }[] }>('GET', `/api/figures/schedules/${scheduleId}`);
    expect(schedule.runs[0]).toMatchObject({ day: '2026-11-22', state: 'sent', sent: 10, delivered: 9 });
  });

  it('missing values at 09:00: the controller is alerted, and the SMS goes as soon as they are entered', async () => {
    await setClock('2026-11-24T08:00:00Z'); // Tuesday 09:00, no values for Monday
    const alert = await waitUntil(async () => (await alerts()).find((a) => a.kind === 'values-missing'), 'the missing-values alert');
    expect(alert).toMatchObject({ day: '2026-11-23' });
    expect(alert.text).toMatch(/avant 12:00/);
    await waitUntil(async () => smsc.messages().some((m) => m.destination === '33699999999' && m.text.includes('manquent')), 'the alert by SMS');
    expect([...received().values()].every((t) => t.length === 1)).toBe(true);
    await setClock('2026-11-24T08:40:00Z');
    await putValues('2026-11-23', 1_100_000);
    await waitUntil(async () => [...received().values()].every((t) => t.length === 2), 'the late send');
    confirmAllBut();
    expect(received().get(directors[0]!.phone)![1]).toBe('CA veille 23/11 : 1,10 M€ (-2,0 % vs prévision, +3,1 % vs N-1)');
  });

  it('a crash right after claiming (before the gateway has them) loses nothing and sends nothing twice', async () => {
    await putValues('2026-11-24', 1_000_000);
    await relay.stop();
    await setClock('2026-11-25T07:59:58Z');
    await start({ CONCLAVE_FIGURES_CRASH_AT: 'after-claim' });
    await waitUntil(async () => relay.child.exitCode !== null || relay.child.signalCode !== null, 'the planned crash', 30_000);
    expect([...received().values()].every((t) => t.length === 2)).toBe(true);
    await setClock('2026-11-25T08:00:30Z');
    await start();
    await waitUntil(async () => [...received().values()].every((t) => t.length === 3), 'the resumed send');
    confirmAllBut();
    await new Promise((r) => setTimeout(r, 600));
    expect([...received().values()].map((t) => t.length)).toEqual(Array(10).fill(3));
  });

  it('a crash right after enqueuing sends nothing twice either', async () => {
    await putValues('2026-11-25', 1_000_000);
    await relay.stop();
    await setClock('2026-11-26T07:59:58Z');
    await start({ CONCLAVE_FIGURES_CRASH_AT: 'after-enqueue' });
    await waitUntil(async () => relay.child.exitCode !== null || relay.child.signalCode !== null, 'the planned crash', 30_000);
    await setClock('2026-11-26T08:00:30Z');
    await start();
    await waitUntil(async () => [...received().values()].every((t) => t.length === 4), 'the queued send');
    // Submits cut by the crash wait for their receipt (the gateway's rule); the SMSC sends them.
    confirmAllBut();
    await new Promise((r) => setTimeout(r, 600));
    expect([...received().values()].map((t) => t.length)).toEqual(Array(10).fill(4));
  });

  it('down through the whole window: nothing goes late, the controller is told', async () => {
    await putValues('2026-11-26', 1_000_000);
    await relay.stop();
    await setClock('2026-11-27T11:00:01Z'); // Friday 12:00:01 in Paris: the window closed at 12:00
    await start();
    const alert = await waitUntil(async () => (await alerts()).find((a) => a.kind === 'too-late'), 'the too-late alert');
    expect(alert.day).toBe('2026-11-26');
    expect(alert.text).toBe("Conclave : le SMS CA veille du 26/11 n'est pas parti (relais arrêté pendant toute la fenêtre) et ne partira plus.");
    await new Promise((r) => setTimeout(r, 600));
    expect([...received().values()].map((t) => t.length)).toEqual(Array(10).fill(4));
    expect((await alerts()).filter((a) => a.kind === 'too-late').map((a) => a.day)).toEqual(['2026-11-26']);
    const schedule = await admin.ok<{ runs: { day: string; state: string }[] }>('GET', `/api/figures/schedules/${scheduleId}`);
    expect(schedule.runs.map((r) => `${r.day} ${r.state}`)).toEqual([
      '2026-11-26 missed',
      '2026-11-25 sent',
      '2026-11-24 sent',
      '2026-11-23 sent',
      '2026-11-22 sent',
    ]);
  });

  it('"send now" in quiet hours is held by the gateway, and says until when', async () => {
    await setClock('2026-11-28T05:30:00Z'); // Saturday 06:30 in Paris: quiet until 08:00
    const { listId } = await admin.ok<{ listId: string }>('GET', `/api/figures/schedules/${scheduleId}`);
    const sent = await admin.ok<{ messages: { notBefore: string }[] }>('POST', `/api/figures/${figureId}/send`, { date: '2026-11-26', listId });
    expect(sent.messages).toHaveLength(10);
    expect(new Set(sent.messages.map((m) => m.notBefore))).toEqual(new Set(['2026-11-28T07:00:00.000Z']));
    await new Promise((r) => setTimeout(r, 600));
    expect([...received().values()].map((t) => t.length)).toEqual(Array(10).fill(4));
  });
});
