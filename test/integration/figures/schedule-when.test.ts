import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { addSmsMember } from '../../support/sms.ts';

/**
 * Schedules picked as days and a time in a named zone (issue 13, finding 10), over HTTP on
 * a real relay whose clock reads Saturday 5 December 2026, 11:00 in Paris (10:00Z).
 */
interface ScheduleView {
  cron: string;
  days: string[] | null;
  time: string | null;
  timeZone: string;
  next: string | null;
}

describe('figure schedules: days, a time and a named zone', () => {
  let relay: RelayProcess;
  let admin: Api;
  let clockDir: string;
  let figureId: string;
  let listId: string;
  const schedules = async () => (await admin.ok<{ schedules: ScheduleView[] }>('GET', '/api/figures/schedules')).schedules;

  beforeAll(async () => {
    clockDir = await mkdtemp(path.join(tmpdir(), 'figsched-clock-'));
    const clockFile = path.join(clockDir, 'now');
    await writeFile(clockFile, '2026-12-05T10:00:00Z');
    relay = await startRelayProcess({ env: { NODE_ENV: 'test', CONCLAVE_FAKE_CLOCK_FILE: clockFile } });
    admin = await setUpOrganisation(relay.url);
    const bruno = await addSmsMember(admin, 'Bruno Lefèvre', '06 11 22 33 44');
    ({ id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' }));
    ({ id: listId } = await admin.ok<{ id: string }>('POST', '/api/lists', { name: 'Comex', members: [bruno.id] }));
  });
  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
    await rm(clockDir, { recursive: true, force: true });
  });

  it('takes days and a time; keeps them as the cron pattern; the next run is 09:00 in that zone', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', {
      figureId,
      listId,
      days: ['sat', 'mon', 'tue', 'wed', 'thu', 'fri'],
      time: '09:00',
      timeZone: 'Europe/Paris',
    });
    const s = await admin.ok<ScheduleView>('GET', `/api/figures/schedules/${id}`);
    expect(s).toMatchObject({ cron: '0 9 * * 1-6', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], time: '09:00', timeZone: 'Europe/Paris' });
    expect(s.next).toBe('2026-12-07T08:00:00.000Z'); // Monday 7 December, 09:00 in Paris
    const tokyo = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId, days: ['sun'], time: '07:30', timeZone: 'Asia/Tokyo' });
    expect(await admin.ok<ScheduleView>('GET', `/api/figures/schedules/${tokyo.id}`)).toMatchObject({
      cron: '30 7 * * 0',
      next: '2026-12-05T22:30:00.000Z', // Sunday 6 December, 07:30 in Tokyo
    });
  });

  it('still takes a cron pattern (and reads its days back when it has that shape)', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId, cron: '15 8 * * MON-FRI', timeZone: 'Europe/Paris' });
    expect(await admin.ok<ScheduleView>('GET', `/api/figures/schedules/${id}`)).toMatchObject({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:15' });
    const odd = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId, cron: '0 9 1 1 *', timeZone: 'Europe/Paris' });
    expect(await admin.ok<ScheduleView>('GET', `/api/figures/schedules/${odd.id}`)).toMatchObject({ cron: '0 9 1 1 *', days: null, time: null });
  });

  it('without a zone, uses the organisation\'s (its SMS settings), not Paris by default', async () => {
    await admin.ok('PATCH', '/api/sms/settings', { timeZone: 'America/New_York' });
    expect(await admin.ok<{ timeZone: string }>('GET', '/api/figures/me')).toMatchObject({ controller: true, timeZone: 'America/New_York' });
    const { id } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId, days: ['mon'], time: '09:00' });
    expect(await admin.ok<ScheduleView>('GET', `/api/figures/schedules/${id}`)).toMatchObject({
      timeZone: 'America/New_York',
      next: '2026-12-07T14:00:00.000Z',
    });
  });

  it('changes the time alone, keeping the days; the next run follows', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId, days: ['mon', 'sat'], time: '09:00', timeZone: 'Europe/Paris' });
    const s = await admin.ok<ScheduleView>('PATCH', `/api/figures/schedules/${id}`, { time: '07:45' });
    expect(s).toMatchObject({ cron: '45 7 * * 1,6', days: ['mon', 'sat'], time: '07:45', next: '2026-12-07T06:45:00.000Z' });
  });

  it('changes the figures a schedule\'s message carries (its own first); an unknown figure changes nothing', async () => {
    const { id: margin } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'Marge', unit: 'EUR' });
    const { id } = await admin.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId, listId, days: ['mon'], time: '09:00', timeZone: 'Europe/Paris' });
    expect(await admin.ok('GET', `/api/figures/schedules/${id}`)).toMatchObject({ figureIds: [figureId] });
    expect(await admin.ok('PATCH', `/api/figures/schedules/${id}`, { figureIds: [margin, figureId] })).toMatchObject({ figureId, figureIds: [figureId, margin] });
    const unknown = await admin.call('PATCH', `/api/figures/schedules/${id}`, { figureIds: [margin, 'nobodys-figure-0001'], time: '10:00' });
    expect(unknown.status).toBe(404);
    expect(await admin.ok('GET', `/api/figures/schedules/${id}`)).toMatchObject({ figureIds: [figureId, margin], time: '09:00' });
    expect(await admin.ok('PATCH', `/api/figures/schedules/${id}`, { figureIds: [figureId] })).toMatchObject({ figureIds: [figureId] });
  });

  it('refuses no day, a bad time, an offset or unknown zone, and cron with days; each changes nothing', async () => {
    const before = await schedules();
    const refused = async (body: object, pattern: RegExp) => {
      const res = await admin.call<{ error: { code: string; message: string } }>('POST', '/api/figures/schedules', { figureId, listId, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(pattern);
    };
    await refused({ days: [], time: '09:00' }, /pick at least one day/);
    await refused({ days: ['mon', 'mon'], time: '09:00' }, /each day once/);
    await refused({ days: ['lundi'], time: '09:00' }, /days/);
    await refused({ days: ['mon'], time: '9h' }, /a time as HH:MM/);
    await refused({ days: ['mon'], time: '24:00' }, /a time as HH:MM/);
    await refused({ days: ['mon'], time: '09:00', timeZone: '+01:00' }, /IANA/);
    await refused({ days: ['mon'], time: '09:00', timeZone: 'Europe/Lutece' }, /IANA/);
    await refused({ days: ['mon'], cron: '0 9 * * 1' }, /either cron, or days and time/);
    const odd = before.find((s) => s.cron === '0 9 1 1 *')!;
    const patch = await admin.call<{ error: { message: string } }>('PATCH', `/api/figures/schedules/${(odd as unknown as { id: string }).id}`, { time: '08:00' });
    expect(patch.status).toBe(400);
    expect(patch.body.error.message).toMatch(/give both days and time/);
    expect(await schedules()).toEqual(before);
  });
});
