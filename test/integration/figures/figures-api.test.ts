import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';
import { seedFigures } from '../../../scripts/demo/figures.ts';

interface Preview {
  recipients: { name: string; text: string; segments: number; encoding: string; costMicros: number; excluded: string | null }[];
  totals: { receiving: number; excluded: number; segments: number; costMicros: number };
}

describe('daily figures over HTTP (outbox provider)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let figureId: string;
  let listId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_FIGURES_TICK_MS: '200' } });
    admin = await setUpOrganisation(relay.url);
  });
  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('defines "CA veille" and enters a day with forecast and last year; the gaps come back', async () => {
    ({ id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' }));
    const value = await admin.ok('PUT', `/api/figures/${figureId}/values/2026-11-22`, { value: 1_234_567, forecast: 1_261_049, lastYear: 1_193_971 });
    expect(value).toMatchObject({ date: '2026-11-22', value: 1_234_567, source: 'form' });
    const { values } = await admin.ok<{ values: { vsForecast: number; vsLastYear: number }[] }>(
      'GET',
      `/api/figures/${figureId}/values?from=2026-11-01&to=2026-11-30`,
    );
    expect(values[0]!.vsForecast).toBeCloseTo(-2.1, 1);
    expect(values[0]!.vsLastYear).toBeCloseTo(3.4, 1);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const badDate = await admin.call<{ error: { code: string; message: string } }>('PUT', `/api/figures/${figureId}/values/2026-02-30`, { value: 1 });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/YYYY-MM-DD/);
    const extra = await admin.call('PUT', `/api/figures/${figureId}/values/2026-11-21`, { value: 1, colour: 'red' });
    expect(extra.status).toBe(400);
    const dup = await admin.call('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' });
    expect(dup.status).toBe(409);
    const badTemplate = await admin.call<{ error: { message: string } }>('PATCH', `/api/figures/${figureId}`, { template: '{label} {valeur}' });
    expect(badTemplate.status).toBe(400);
    expect(badTemplate.body.error.message).toMatch(/unknown placeholder \{valeur\}/);
  });

  it('a CSV with one bad row imports nothing and names the line', async () => {
    const csv = 'date;valeur;prevision;n-1\n2026-11-18;1 100 000;1 000 000;990 000\n2026-11-19;1,2 M;1 000 000;\n2026-11-20;1 050 000;;\n';
    const res = await fetch(`${relay.url}/api/figures/${figureId}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; issues: { path: string; message: string }[] } };
    expect(body.error.message).toBe('Nothing was imported: line 3: valeur "1,2 M" is not a number.');
    expect(body.error.issues).toEqual([
      { path: 'line 3', message: 'valeur "1,2 M" is not a number', code: 'csv.notANumber', params: { column: 'valeur', text: '1,2 M', line: 3 } },
    ]);
    const { values } = await admin.ok<{ values: unknown[] }>('GET', `/api/figures/${figureId}/values?from=2026-11-01&to=2026-11-30`);
    expect(values).toHaveLength(1);
    const fixed = await admin.ok<{ imported: number }>('POST', `/api/figures/${figureId}/import`, { csv: csv.replace('1,2 M', '1 200 000') });
    expect(fixed.imported).toBe(3);
  });

  it('an ERP key writes only its figures, and not once revoked', async () => {
    const other = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'Audience veille', unit: 'spectateurs' });
    const { id: keyId, key } = await admin.ok<{ id: string; key: string }>('POST', '/api/figures/api-keys', { name: 'ERP', figureIds: [figureId] });
    const erp = new Api(relay.url, key);
    expect((await erp.call('PUT', `/api/figures/${figureId}/values/2026-11-17`, { value: 5, forecast: null, lastYear: 4 })).status).toBe(200);
    expect((await erp.call('PUT', `/api/figures/${other.id}/values/2026-11-17`, { value: 5 })).status).toBe(403);
    expect((await erp.call('GET', '/api/figures')).status).toBe(401);
    const { keys } = await admin.ok<{ keys: { id: string; lastUsedAt: string | null }[] }>('GET', '/api/figures/api-keys');
    expect(keys[0]?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(keys)).not.toContain(key);
    await admin.ok('DELETE', `/api/figures/api-keys/${keyId}`);
    expect((await erp.call('PUT', `/api/figures/${figureId}/values/2026-11-17`, { value: 6 })).status).toBe(401);
  });

  it('an ERP pushes a CSV of several figures: out of its scope, the whole file is refused', async () => {
    const { key } = await admin.ok<{ key: string }>('POST', '/api/figures/api-keys', { name: 'ERP 2', figureIds: [figureId] });
    const push = (csv: string) =>
      fetch(`${relay.url}/api/figures/import`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' }, body: csv });
    const refused = await push('figure;date;value\nCA veille;2026-11-10;100\nAudience veille;2026-11-10;4000000\n');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Nothing was imported: line 3: the API key "ERP 2" may not write this figure/);
    const { values } = await admin.ok<{ values: { date: string }[] }>('GET', `/api/figures/${figureId}/values?from=2026-11-10&to=2026-11-10`);
    expect(values).toEqual([]);
    const accepted = await push('figure;date;value\nca veille;2026-11-10;100\n');
    expect(accepted.status).toBe(201);
    const after = await admin.ok<{ values: { source: string }[] }>('GET', `/api/figures/${figureId}/values?from=2026-11-10&to=2026-11-10`);
    expect(after.values).toMatchObject([{ source: 'api' }]);
  });

  it('only controllers: a member is refused until an admin gives the capability', async () => {
    const carol = await addPerson(admin, 'Carol Petit');
    expect((await carol.api.call('GET', '/api/figures')).status).toBe(403);
    await admin.ok('PUT', `/api/figures/controllers/${carol.id}`);
    expect((await carol.api.call('GET', '/api/figures')).status).toBe(200);
    expect((await carol.api.call('POST', '/api/figures/api-keys', { name: 'x', figureIds: [figureId] })).status).toBe(403);
  });

  it('previews the exact SMS per recipient, says who will not get it and why, then sends now', async () => {
    const ok = await addSmsMember(admin, 'Bruno Lefèvre', '06 11 22 33 44');
    const noPhone = await addPerson(admin, 'Denis Sans Numéro');
    const noOptIn = await admin.ok<{ id: string }>('POST', '/api/users', {
      name: 'Emma Sans Accord',
      email: 'emma@durand.example',
      password: 'correct horse battery staple',
      role: 'member',
      phone: '06 55 44 33 22',
    });
    const stopped = await addSmsMember(admin, 'Fanny Stop', '06 99 88 77 66');
    await admin.ok('PUT', `/api/sms/consents/${stopped.id}`, { optIn: false });
    const group = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Direction', members: [ok.id, noPhone.id] });
    ({ id: listId } = await admin.ok<{ id: string }>('POST', '/api/lists', { name: 'Comex', members: [noOptIn.id, stopped.id], groups: [group.id] }));
    // No quiet hours, so that what is sent goes now whatever the time this test runs at.
    await admin.ok('PATCH', '/api/sms/settings', { quietStart: '00:00', quietEnd: '00:00' });

    const preview = await admin.ok<Preview>('POST', `/api/figures/${figureId}/preview`, { date: '2026-11-22', listId });
    const text = 'CA veille 22/11 : 1,23 M€ (-2,1 % vs prévision, +3,4 % vs N-1)';
    expect(preview.recipients.map((r) => [r.name, r.excluded])).toEqual([
      ['Bruno Lefèvre', null],
      ['Denis Sans Numéro', 'no_phone'],
      ['Emma Sans Accord', 'no_opt_in'],
      ['Fanny Stop', 'opted_out'],
    ]);
    expect(preview.recipients[0]).toMatchObject({ text, segments: 1, encoding: 'GSM-7', costMicros: 72_500 });
    expect(preview.totals).toEqual({ receiving: 1, excluded: 3, segments: 1, costMicros: 72_500 });

    const sent = await admin.ok<{ messages: { id: string; to: string; text: string }[]; skipped: { name: string; reason: string }[] }>(
      'POST',
      `/api/figures/${figureId}/send`,
      { date: '2026-11-22', listId },
    );
    expect(sent.messages).toEqual([{ id: expect.any(String), to: '+33611223344', text, userId: ok.id, name: 'Bruno Lefèvre', notBefore: expect.any(String) }]);
    expect(sent.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['Denis Sans Numéro', 'no_phone'],
      ['Emma Sans Accord', 'no_consent'],
      ['Fanny Stop', 'opted_out'],
    ]);
    const outbox = await admin.ok<{ text: string; segments: number; encoding: string; kind: string }>('GET', `/api/sms/messages/${sent.messages[0]!.id}`);
    expect(outbox).toMatchObject({ text, segments: 1, encoding: 'GSM-7', kind: 'figures.daily' });
  });

  it('an SMS that ends undelivered alerts the controller at once, without waiting for the watch delay', async () => {
    const { messages } = await admin.ok<{ messages: { id: string }[] }>('POST', `/api/figures/${figureId}/send`, { date: '2026-11-22', listId });
    expect((await admin.ok<{ alerts: unknown[] }>('GET', '/api/figures/alerts')).alerts).toEqual([]);
    await waitUntil(async () => (await admin.ok<{ status: string }>('GET', `/api/sms/messages/${messages[0]!.id}`)).status === 'sent', 'the SMS handed to the provider');
    await admin.ok('POST', '/api/sms/outbox/receipts', { messageId: messages[0]!.id, status: 'undelivered' });
    // The alert is stored first and its SMS attempt recorded just after: wait for both.
    const alert = await waitUntil(async () => {
      const first = (await admin.ok<{ alerts: { kind: string; text: string; sms: string | null }[] }>('GET', '/api/figures/alerts')).alerts[0];
      return first?.sms != null ? first : undefined;
    }, 'the alert and its SMS outcome', 20_000);
    expect(alert.kind).toBe('undelivered');
    expect(alert.text).toMatch(/^Conclave : CA veille du 22\/11, 1 SMS sur 1 non remis : Bruno Lefèvre \(undelivered/);
    expect(alert.sms).toBe('not sent: This person has no phone number.'); // Alice, the controller, has none
  });

  it('a send for a day without values is refused', async () => {
    const res = await admin.call<{ error: { message: string } }>('POST', `/api/figures/${figureId}/send`, { date: '2026-11-23', listId });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/no value for 2026-11-23/);
  });

  it('seeds the demo figures: six weeks of history, a list and the 09:00 schedule', async () => {
    const demo = await startRelayProcess();
    try {
      const demoAdmin = await setUpOrganisation(demo.url);
      const member = await addSmsMember(demoAdmin, 'Bruno Lefèvre', '06 11 22 33 44');
      const seeded = await seedFigures(demoAdmin, { memberIds: [member.id], today: new Date('2026-11-23T10:00:00Z') });
      const sales = await demoAdmin.ok<{ values: { date: string }[] }>('GET', `/api/figures/${seeded.salesId}/values?from=2026-10-01&to=2026-11-30`);
      expect(sales.values).toHaveLength(36); // 42 days but the 6 Sundays
      expect(sales.values.at(-1)?.date).toBe('2026-11-21'); // Sunday 22 is closed
      const audience = await demoAdmin.ok<{ values: unknown[] }>('GET', `/api/figures/${seeded.audienceId}/values?from=2026-10-01&to=2026-11-30`);
      expect(audience.values).toHaveLength(42);
      const schedule = await demoAdmin.ok<{ cron: string; timeZone: string }>('GET', `/api/figures/schedules/${seeded.scheduleId}`);
      expect(schedule).toMatchObject({ cron: '0 9 * * 1-6', timeZone: 'Europe/Paris' });
    } finally {
      await demo.stop();
      await removeDataDir(demo.dataDir);
    }
  });
});
