import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { password } from '../support/api.ts';
import { FiguresPage } from './pages/figures-page.ts';
import { organisation, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
// A relay (and an organisation) per test.
test.beforeEach(async () => {
  relay = await startWebRelay();
});
test.afterEach(async () => stopWebRelay(relay));

test('a controller defines "CA veille", enters a day, previews the exact SMS and sends it now', async ({ browser }) => {
  const base = relay!.url;
  const { admin, alice } = await organisation(base);
  const person = (name: string, phone?: string) =>
    admin.ok<{ id: string }>('POST', '/api/users', {
      name,
      email: `${name.split(' ')[0]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}@durand.example`,
      password,
      role: 'member',
      ...(phone ? { phone, smsOptIn: true } : {}),
    });
  await person('Bruno Martin', '06 12 34 56 78');
  await person('Chloé Bernard', '06 22 33 44 55');
  await person('Denis Sans Numéro');

  const { page } = await signedIn(browser, base, alice);
  const cspViolations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
  const figures = new FiguresPage(page);
  await figures.open();
  await figures.createList('Comex', ['Bruno Martin', 'Chloé Bernard', 'Denis Sans Numéro']);
  await figures.defineFigure('CA veille', 'EUR');

  const saved = await figures.enterDay('2026-11-22', '1 234 567', '1 261 049', '1 193 971');
  await expect(saved).toHaveText('Saved: €1.23M, \u22122.1% vs forecast, +3.4% vs last year.');
  // The chart (a canvas) is described, and its numbers are in the table behind it.
  await expect(figures.chartRows()).toHaveCount(1);
  await expect(figures.chartRows().first()).toContainText('€1.23M');
  await expect(figures.chart()).toHaveAccessibleDescription(/One day has a value: €1.23M/);
  await expect.poll(() => figures.valueLinePixels()).toBeGreaterThan(0);
  const onePoint = await figures.valueLinePixels();

  // A CSV with one bad row imports nothing and names the line; fixed, it imports all.
  const bad = await figures.importCsv('ca.csv', 'date;valeur;prevision;n-1\n2026-11-20;1 100 000;1 000 000;990 000\n2026-11-21;douze;1 000 000;\n');
  await expect(bad.getByRole('alert')).toHaveText('Nothing was imported. Line 3: Column “valeur”: “douze” is not a number.');
  await expect(figures.chartRows()).toHaveCount(1);
  const good = await figures.importCsv('ca.csv', 'date;valeur;prevision;n-1\n2026-11-20;1 100 000;1 000 000;990 000\n2026-11-21;1 200 000;1 000 000;\n');
  await expect(good.getByRole('status')).toHaveText('2 days imported.');
  await expect(figures.chartRows()).toHaveCount(3);
  await expect(figures.chart()).toHaveAccessibleDescription(/3 days have a value, from €1.10M to €1.23M/);
  await expect.poll(() => figures.valueLinePixels()).toBeGreaterThan(onePoint);

  // The preview: the SMS each one gets (the organisation is French), one GSM-7 segment, its cost.
  await figures.sendPanel().getByLabel('Date', { exact: true }).fill('2026-11-22');
  const sms = 'CA veille 22/11 : 1,23 M€ (-2,1 % vs prévision, +3,4 % vs N-1)';
  await expect(figures.previewRow('Bruno Martin')).toContainText(sms);
  await expect(figures.previewRow('Bruno Martin')).toContainText('1 × GSM-7');
  await expect(figures.previewRow('Denis Sans Numéro')).toContainText('Will not receive it: no phone number');
  await expect(figures.sendPanel().getByRole('status')).toContainText('2 recipients, 2 SMS');
  await page.screenshot({ path: path.join(screenshots, 'figures-preview.png'), fullPage: true });

  // Send now asks first, restating the cost; cancelling sends nothing.
  await figures.sendPanel().getByRole('button', { name: 'Send now' }).click();
  const confirm = figures.sendPanel().getByRole('alertdialog');
  await expect(confirm).toContainText('Send 2 SMS to 2 people for');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect((await admin.ok<{ messages: unknown[] }>('GET', '/api/sms/messages?kind=figures.daily')).messages).toHaveLength(0);
  await figures.sendPanel().getByRole('button', { name: 'Send now' }).click();
  await figures.sendPanel().getByRole('alertdialog').getByRole('button', { name: 'Yes, send' }).click();
  await expect(figures.sendPanel().getByText('2 SMS queued')).toBeVisible();

  // Every morning at 09:00, Monday to Saturday, in the organisation's zone (Paris), by default.
  const schedules = await figures.schedule('Comex');
  await expect(schedules.getByText('Monday–Saturday at 09:00 (Europe/Paris)')).toBeVisible();
  await expect(schedules.getByText(/^Next: \w+ \d+ \w+, 09:00 \(Europe\/Paris\)$/)).toBeVisible();

  // The Outbox has exactly those two messages.
  const outbox = await admin.ok<{ messages: { to: string; text: string; segments: number; encoding: string }[] }>(
    'GET',
    '/api/sms/messages?kind=figures.daily',
  );
  expect(outbox.messages.map((m) => [m.to, m.text, m.segments, m.encoding]).sort()).toEqual([
    ['+33612345678', sms, 1, 'GSM-7'],
    ['+33622334455', sms, 1, 'GSM-7'],
  ]);
  expect(cspViolations).toEqual([]);
});

test('a controller in New York picks days, a time and Paris; every next run reads in Paris time, in English and French, and fits a phone', async ({ browser }) => {
  const base = relay!.url;
  const { admin, alice } = await organisation(base);
  const { id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'Marge veille', unit: 'EUR' });
  await admin.ok('POST', '/api/lists', { name: 'Direction', members: [alice.id] });

  // The browser is in New York: 07:30 in Paris is 01:30 there, which the screen must not show.
  const { page, context } = await signedIn(browser, base, alice, 'en-GB', { timezoneId: 'America/New_York' });
  const figures = new FiguresPage(page);
  await page.goto(`${base}/#/figures/${figureId}`);
  await expect(page.getByRole('heading', { name: 'Marge veille', level: 1 })).toBeVisible();
  const form = figures.scheduleForm();
  // Defaults: Monday–Saturday, 09:00, the organisation's zone.
  await expect(form.getByRole('group', { name: 'Days' }).getByLabel('Saturday', { exact: true })).toBeChecked();
  await expect(form.getByRole('group', { name: 'Days' }).getByLabel('Sunday', { exact: true })).not.toBeChecked();
  await expect(form.getByLabel('Time', { exact: true })).toHaveValue('09:00');
  await expect(form.getByLabel('Time zone', { exact: true })).toHaveValue('Europe/Paris');

  // No day: the form says so where the days are, and nothing is created.
  await figures.pickWhen({ days: [] });
  await expect(form.getByText(/^First send:/)).toHaveCount(0);
  await form.getByRole('button', { name: 'Send this figure to the list every morning' }).click();
  await expect(form.getByRole('group', { name: 'Days' }).getByRole('alert')).toHaveText('Pick at least one day.');
  expect((await admin.ok<{ schedules: unknown[] }>('GET', '/api/figures/schedules')).schedules).toHaveLength(0);

  await figures.pickWhen({ days: ['Monday', 'Wednesday', 'Friday'], time: '07:30', zone: 'Europe/Paris' });
  await expect(form.getByText(/^First send:/)).toHaveText(/^First send: (Monday|Wednesday|Friday) \d+ \w+, 07:30 \(Europe\/Paris\)$/);
  const schedules = await figures.schedule('Direction');
  await expect(schedules.getByText('Monday, Wednesday, Friday at 07:30 (Europe/Paris)')).toBeVisible();
  const next = schedules.getByText(/^Next: /);
  await expect(next).toHaveText(/^Next: (Monday|Wednesday|Friday) \d+ \w+, 07:30 \(Europe\/Paris\)$/);
  const [stored] = (await admin.ok<{ schedules: { cron: string; timeZone: string; next: string }[] }>('GET', '/api/figures/schedules')).schedules;
  expect(stored).toMatchObject({ cron: '30 7 * * 1,3,5', timeZone: 'Europe/Paris' });
  const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(stored!.next));
  await expect(next).toHaveText(`Next: ${paris}, 07:30 (Europe/Paris)`);

  // Changed in place: 08:15 on the same days; the next run follows, still in Paris time.
  await schedules.getByRole('listitem').filter({ hasText: 'Direction' }).getByRole('button', { name: 'Change', exact: true }).click();
  const editor = schedules.getByRole('form', { name: 'Change this schedule' });
  await expect(editor.getByRole('group', { name: 'Days' }).getByLabel('Wednesday', { exact: true })).toBeChecked();
  await expect(editor.getByRole('group', { name: 'Days' }).getByLabel('Tuesday', { exact: true })).not.toBeChecked();
  await editor.getByLabel('Time', { exact: true }).fill('08:15');
  await editor.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(editor).toHaveCount(0);
  await expect(schedules.getByText('Monday, Wednesday, Friday at 08:15 (Europe/Paris)')).toBeVisible();
  await expect(schedules.getByText(/^Next: /)).toHaveText(/^Next: (Monday|Wednesday|Friday) \d+ \w+, 08:15 \(Europe\/Paris\)$/);

  // A zone far away: Tokyo's 07:30 is told as Tokyo's.
  await figures.pickWhen({ days: ['Sunday'], time: '07:30', zone: 'Asia/Tokyo' });
  await expect(form.getByText(/^First send:/)).toHaveText(/^First send: Sunday \d+ \w+, 07:30 \(Asia\/Tokyo\)$/);
  await context.close();

  // In French, on a phone: the same schedule, in words, and nothing wider than the screen.
  const phone = await signedIn(browser, base, alice, 'fr-FR', { timezoneId: 'America/New_York', viewport: { width: 390, height: 844 } });
  await phone.page.goto(`${base}/#/figures/${figureId}`);
  const region = phone.page.getByRole('region', { name: 'Envois programmés' });
  await expect(region.getByText('lundi, mercredi, vendredi à 08:15 (Europe/Paris)')).toBeVisible();
  await expect(region.getByText(/^Prochain envoi : (lundi|mercredi|vendredi) \d+ \S+ à 08:15 \(Europe\/Paris\)$/)).toBeVisible();
  await expect(phone.page.getByRole('group', { name: 'Jours' }).getByLabel('dimanche', { exact: true })).toBeVisible();
  await phone.page.waitForFunction(() => window.innerWidth === 390);
  const { scrollWidth, clientWidth } = await phone.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await phone.page.screenshot({ path: path.join(screenshots, 'figures-schedule-phone-fr.png'), fullPage: true });
  await phone.context.close();
});

test('a controller composes one morning message with two figures: one SMS per person, previewed with its segments and cost, on a phone too', async ({ browser }) => {
  const base = relay!.url;
  const { admin, alice } = await organisation(base);
  const { id: bruno } = await admin.ok<{ id: string }>('POST', '/api/users', {
    name: 'Bruno Martin',
    email: 'bruno@durand.example',
    password,
    role: 'member',
    phone: '06 12 34 56 78',
    smsOptIn: true,
  });
  const { id: sales } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' });
  const { id: margin } = await admin.ok<{ id: string }>('POST', '/api/figures', {
    label: 'Marge',
    unit: 'EUR',
    decimals: 0,
    template: '{label} {date} : {value} ({vsForecast} vs prévision)',
  });
  await admin.ok('PUT', `/api/figures/${sales}/values/2026-11-22`, { value: 1_234_567, forecast: 1_261_049, lastYear: 1_193_971 });
  await admin.ok('PUT', `/api/figures/${margin}/values/2026-11-22`, { value: 412_000, forecast: 420_000 });
  await admin.ok('POST', '/api/lists', { name: 'Comex', members: [bruno] });

  const { page } = await signedIn(browser, base, alice);
  const figures = new FiguresPage(page);
  await page.goto(`${base}/#/figures/${sales}`);
  await expect(page.getByRole('heading', { name: 'CA veille', level: 1 })).toBeVisible();
  const form = figures.scheduleForm();
  const message = form.getByRole('group', { name: 'Figures in this morning message' });
  await expect(message.getByLabel('CA veille', { exact: true })).toBeChecked();
  await expect(message.getByLabel('CA veille', { exact: true })).toBeDisabled();
  await form.getByLabel('Preview for the day', { exact: true }).fill('2026-11-22');
  const row = form.getByRole('table', { name: 'Morning message, person by person' }).getByRole('row').filter({ hasText: 'Bruno Martin' });
  const sales22 = 'CA veille 22/11 : 1,23 M€ (-2,1 % vs prévision, +3,4 % vs N-1)';
  await expect(row).toContainText(sales22);
  await expect(row).not.toContainText('Marge');

  // Ticking Marge: the same one SMS now carries both lines, still one GSM-7 segment, one price.
  await message.getByLabel('Marge', { exact: true }).check();
  await expect(row).toContainText('Marge 22/11 : 412 k€ (-1,9 % vs prévision)');
  await expect(row.locator('.sms-text')).toHaveText(`${sales22}\nMarge 22/11 : 412 k€ (-1,9 % vs prévision)`);
  await expect(row).toContainText('1 × GSM-7');
  await expect(form.getByRole('status').filter({ hasText: 'recipient' })).toContainText('1 recipient, 1 SMS');

  // Measured at once, before the chart has had a frame to redraw at the new size: the page
  // is never wider than the phone, even for that frame (a busy or hidden page may wait long).
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(clientWidth).toBe(390);
  expect(scrollWidth, `${scrollWidth} px wide in ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: path.join(screenshots, 'figures-morning-message-phone.png'), fullPage: true });

  const schedules = await figures.schedule('Comex');
  await expect(schedules.getByText('CA veille + Marge', { exact: true })).toBeVisible();
  const stored = (await admin.ok<{ schedules: { figureId: string; figureIds: string[] }[] }>('GET', '/api/figures/schedules')).schedules;
  expect(stored).toEqual([expect.objectContaining({ figureId: sales, figureIds: [sales, margin] })]);
  // The message is listed on Marge's page too.
  await page.goto(`${base}/#/figures/${margin}`);
  const onMargin = page.getByRole('region', { name: 'Schedules' });
  await expect(onMargin.getByText('CA veille + Marge', { exact: true })).toBeVisible();
  // Changed from there: Marge leaves the message, which then no longer shows on Marge's page.
  await onMargin.getByRole('listitem').filter({ hasText: 'Comex' }).getByRole('button', { name: 'Change', exact: true }).click();
  const editor = onMargin.getByRole('form', { name: 'Change this schedule' });
  await expect(editor.getByRole('group', { name: 'Figures in this morning message' }).getByLabel('CA veille', { exact: true })).toBeDisabled();
  await editor.getByRole('group', { name: 'Figures in this morning message' }).getByLabel('Marge', { exact: true }).uncheck();
  await editor.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(onMargin.getByRole('button', { name: 'Change', exact: true })).toHaveCount(0);
  expect((await admin.ok<{ schedules: { figureIds: string[] }[] }>('GET', '/api/figures/schedules')).schedules).toEqual([expect.objectContaining({ figureIds: [sales] })]);
});
