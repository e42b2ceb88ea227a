import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * The administrator's People and Groups screens in Chromium against a real relay: correct
 * a person's name and phone (a bad number refused under the field), disable and enable
 * with a confirmation saying what it does; build a group, rename it, add and remove
 * people; a facilitator sees who is in a group before inviting it.
 */
let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
const phone = { width: 390, height: 844 };
const shot = (name: string) => ({ path: path.join(screenshots, `people-admin-${name}.png`), fullPage: true });

test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
});
test.afterAll(async () => stopWebRelay(relay));

test('an administrator corrects a name and a phone number, and disables then enables a person after saying what it does', async ({ browser }) => {
  const bruno = await person(org.admin, 'Bruno Petit');
  const { page } = await signedIn(browser, relay!.url, org.alice);
  await page.setViewportSize(phone);
  await page.goto(`${relay!.url}/#/people`);
  const people = page.getByRole('region', { name: 'People' });
  const row = people.getByRole('listitem', { name: 'Bruno Petit', exact: true });
  await row.getByRole('button', { name: 'Edit Bruno Petit', exact: true }).click();
  const form = row.getByRole('form', { name: 'Edit Bruno Petit', exact: true });
  await form.getByLabel('Name').fill('Bruno Petit-Jean');
  await form.getByLabel('Mobile phone (optional)').fill('123');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(/"123" is not a valid number/);
  await page.screenshot(shot('edit-refused-en-phone'));
  // Nothing was saved by the refused form.
  expect((await bruno.api.ok<{ name: string; phone: string | null }>('GET', '/api/me')).name).toBe('Bruno Petit');
  await form.getByLabel('Mobile phone (optional)').fill('06 12 34 56 78');
  await form.getByRole('button', { name: 'Save' }).click();
  const renamed = people.getByRole('listitem', { name: 'Bruno Petit-Jean', exact: true });
  await expect(renamed.getByRole('status')).toHaveText('Saved.');
  await expect(renamed.getByText('+33612345678')).toBeVisible();
  const saved = await bruno.api.ok<{ name: string; phone: string | null }>('GET', '/api/me');
  expect(saved).toMatchObject({ name: 'Bruno Petit-Jean', phone: '+33612345678' });

  // Disabling asks first, saying what it does; declining changes nothing.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await renamed.getByRole('button', { name: 'Disable', exact: true }).click();
  expect(asked).toContain('Disable Bruno Petit-Jean? Their sessions end');
  await expect(renamed.getByText('disabled', { exact: true })).toHaveCount(0);
  await bruno.api.ok('GET', '/api/me');
  page.once('dialog', (d) => void d.accept());
  await renamed.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(renamed.getByText('disabled', { exact: true })).toBeVisible();
  expect((await fetch(`${relay!.url}/api/me`, { headers: { authorization: `Bearer ${bruno.api.token}` } })).status).toBe(401);
  await page.screenshot(shot('disabled-en-phone'));
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await renamed.getByRole('button', { name: 'Enable', exact: true }).click();
  expect(asked).toContain('Enable Bruno Petit-Jean?');
  await expect(renamed.getByText('disabled', { exact: true })).toHaveCount(0);

  // Search by name, e-mail or number.
  await people.getByLabel('Search people').fill('0612345678');
  await expect(people.getByRole('listitem')).toHaveCount(1);
  await expect(people.getByRole('listitem', { name: 'Bruno Petit-Jean', exact: true })).toBeVisible();
});
