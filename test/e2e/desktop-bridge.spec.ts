import { expect, test } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { password } from '../support/api.ts';
import { desktopContext } from './support/stand-in-bridge.ts';
import { organisation, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * The desktop app's renderer is this same client with `window.conclave` (core/bridge.ts)
 * exposed by the preload. Here a stand-in bridge is installed before the page loads: the
 * client must keep its token through the bridge (not in page storage) and open the
 * activities that deep links ask for.
 */
let relay: RelayProcess | undefined;
test.beforeAll(async () => {
  relay = await startWebRelay();
});
test.afterAll(async () => stopWebRelay(relay));

test('with the desktop bridge, the token goes through it and deep links open activities', async ({ browser }) => {
  const org = await organisation(relay!.url);
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Deep link', question: 'Does a conclave:// link open it?' });
  const context = await desktopContext(browser, relay!.url);
  const page = await context.newPage();
  await page.goto(relay!.url + '/');
  await page.getByLabel('E-mail', { exact: true }).fill(org.alice.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Activities' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('stand-in-bridge-token'))).toMatch(/.{16,}/);
  expect(await page.evaluate(() => localStorage.getItem('conclave.session'))).toBeNull();

  await page.evaluate((activityId) => (window as unknown as { openActivityFromMain(id: string): void }).openActivityFromMain(activityId), id);
  await expect(page.getByRole('heading', { name: 'Deep link' })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');

  // Signing out clears the token through the bridge.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('stand-in-bridge-token'))).toBeNull();
  await context.close();
});
