import { expect, test, type Page } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { organisation, person, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * The app keeps each open activity on the device (y-indexeddb) so it opens offline. That
 * copy must not outlive the person's right to read it: removed from the activity, signed
 * out, or the activity's content removed by retention, nothing of it stays on the device.
 */
let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
let bruno: Awaited<ReturnType<typeof person>>;

test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
  bruno = await person(org.admin, 'Bruno Martin');
});
test.afterAll(async () => stopWebRelay(relay));

async function activityWithBruno(title: string) {
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title, question: `${title}: should we?` });
  await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: bruno.id, role: 'contributor' });
  return id;
}

/** The activities this device holds a copy of (the last part of each database's name). */
async function copiesOnDevice(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((info) => info.name ?? '')
      .filter((name) => name.startsWith('conclave:'))
      .map((name) => name.slice(name.lastIndexOf(':') + 1)),
  );
}

async function openActivity(page: Page, id: string) {
  await page.goto(`${relay!.url}/#/activities/${id}`);
  await expect(page.getByRole('status').filter({ hasText: 'Connection: Live' })).toHaveCount(1);
  await expect.poll(() => copiesOnDevice(page)).toContain(id);
}

test('removed from an open activity, the person keeps no copy of it on the device', async ({ browser }) => {
  const id = await activityWithBruno('Lyon shop');
  const { context, page } = await signedIn(browser, relay!.url, bruno);
  await openActivity(page, id);
  await org.admin.ok('DELETE', `/api/activities/${id}/members/users/${bruno.id}`);
  await expect.poll(() => copiesOnDevice(page)).not.toContain(id);
  await context.close();
});

test('removed while the activity was not open, its copy goes at the next activity list', async ({ browser }) => {
  const kept = await activityWithBruno('Nantes shop');
  const left = await activityWithBruno('Lille shop');
  const { context, page } = await signedIn(browser, relay!.url, bruno);
  await openActivity(page, kept);
  await openActivity(page, left);
  await page.goto(`${relay!.url}/#/activities`);
  await expect(page.getByText('Nantes shop', { exact: true })).toBeVisible();
  await org.admin.ok('DELETE', `/api/activities/${left}/members/users/${bruno.id}`);
  await page.reload();
  await expect(page.getByText('Nantes shop', { exact: true })).toBeVisible();
  await expect.poll(() => copiesOnDevice(page)).not.toContain(left);
  expect(await copiesOnDevice(page)).toContain(kept);
  await context.close();
});

test('signing out leaves no activity on the device', async ({ browser }) => {
  const id = await activityWithBruno('Rennes shop');
  const { context, page } = await signedIn(browser, relay!.url, bruno);
  await openActivity(page, id);
  await page.goto(`${relay!.url}/#/activities`);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByLabel('E-mail', { exact: true })).toBeVisible();
  await expect.poll(() => copiesOnDevice(page)).toEqual([]);
  await context.close();
});
