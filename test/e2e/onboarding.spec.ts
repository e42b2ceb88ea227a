import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { Api, password } from '../support/api.ts';
import { screenshots, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
test.beforeAll(async () => {
  relay = await startWebRelay();
});
test.afterAll(async () => stopWebRelay(relay));

test('a newcomer sets up the organisation, creates an activity, finds it and invites a colleague', async ({ browser }) => {
  const base = relay!.url;
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(base + '/');

  // First run: one short screen. A bad password is refused with the relay's words, nothing created.
  await expect(page.getByRole('heading', { name: 'Set up your organisation' })).toBeVisible();
  await page.getByLabel('Organisation', { exact: true }).fill('Maison Durand');
  await page.getByLabel('Your name', { exact: true }).fill('Alice Durand');
  await page.getByLabel('E-mail', { exact: true }).fill('alice@durand.example');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create the organisation' }).click();
  await expect(page.getByText('a password needs at least 10 characters')).toBeVisible();
  expect((await new Api(base).ok<{ setUp: boolean }>('GET', '/api/setup')).setUp).toBe(false);
  await page.screenshot({ path: path.join(screenshots, 'setup.png') });
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create the organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Activities' })).toBeVisible();
  await expect(page.getByText('No activity yet')).toBeVisible();

  // A colleague exists in the directory (made by the admin through the API).
  const admin = new Api(base, (await new Api(base).ok<{ token: string }>('POST', '/api/session', { email: 'alice@durand.example', password })).token);
  await admin.ok('POST', '/api/users', { name: 'Bruno Martin', email: 'bruno@durand.example', password, role: 'member' });
  await admin.ok('POST', '/api/groups', { name: 'Store managers', members: [] });

  // New activity: title and a precise question are required.
  await page.getByRole('link', { name: 'New activity' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Lyon shop');
  await page.getByLabel('Precise question', { exact: true }).fill('Lyon?');
  await page.getByRole('button', { name: 'Create the activity' }).click();
  await expect(page.getByText('a precise question needs at least 10 characters')).toBeVisible();
  await page.getByLabel('Precise question', { exact: true }).fill('Should we open a shop in Lyon in 2027?');
  await page.getByLabel('Description', { exact: true }).fill('Our second city by online orders.\n\nLeases end in March.');
  await page.getByRole('button', { name: 'Create the activity' }).click();
  await expect(page.getByRole('heading', { name: 'Lyon shop' })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  // The brief was seeded by the relay from the description.
  await expect(page.getByTestId('brief')).toContainText('Our second city by online orders.');
  await expect(page.getByTestId('brief')).toContainText('Leases end in March.');
  // The facilitator opens it to the members.
  await page.getByRole('combobox', { name: 'Status of the activity' }).selectOption('open');
  await expect(page.getByRole('combobox', { name: 'Status of the activity' })).toHaveValue('open');

  // Members: invite a person and a group with roles, change one, remove one.
  await page.getByRole('link', { name: 'Members' }).click();
  const invite = page.getByRole('form', { name: 'Invite', exact: true });
  await invite.getByRole('combobox', { name: 'Person or group' }).selectOption({ label: 'Bruno Martin (bruno@durand.example)' });
  await invite.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByTestId('member').filter({ hasText: 'Bruno Martin' })).toBeVisible();
  await invite.getByRole('combobox', { name: 'Person or group' }).selectOption({ label: 'Store managers' });
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByTestId('member')).toHaveCount(3);
  await page.getByLabel('Role of Bruno Martin', { exact: true }).selectOption('contributor');
  await page.getByRole('button', { name: 'Remove Store managers' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Remove Store managers' })).toContainText('They lose access at once');
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('member')).toHaveCount(2);
  await page.screenshot({ path: path.join(screenshots, 'members.png') });
  const bruno = new Api(base, (await new Api(base).ok<{ token: string }>('POST', '/api/session', { email: 'bruno@durand.example', password })).token);
  const listed = await bruno.ok<{ activities: { title: string; myRole: string }[] }>('GET', '/api/activities');
  expect(listed.activities).toEqual([expect.objectContaining({ title: 'Lyon shop', myRole: 'contributor' })]);

  // The list: mine, by status, search.
  await admin.ok('POST', '/api/activities', { title: 'Spring range', question: 'Which ten products lead the spring range?' });
  await page.getByRole('link', { name: 'Activities' }).first().click();
  await expect(page.locator('.activity-title')).toHaveCount(2);
  await page.getByLabel('Search activities', { exact: true }).fill('Lyon');
  await expect(page.locator('.activity-title')).toHaveText(['Lyon shop']);
  await page.getByLabel('Search activities', { exact: true }).fill('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('open');
  await expect(page.locator('.activity-title')).toHaveText(['Lyon shop']);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('draft');
  await expect(page.locator('.activity-title')).toHaveText(['Spring range']);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('decided');
  await expect(page.getByText('No activity matches.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await page.screenshot({ path: path.join(screenshots, 'activity-list.png') });

  // Sign out, then in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('E-mail', { exact: true }).fill('alice@durand.example');
  await page.getByLabel('Password', { exact: true }).fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong e-mail or password.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Activities' })).toBeVisible();
  await context.close();
});
