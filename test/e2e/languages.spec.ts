import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
});
test.afterAll(async () => stopWebRelay(relay));

test('the client follows the system language (French here), can be switched, and remembers the choice', async ({ browser }) => {
  const bruno = await person(org.admin, 'Bruno Martin');
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Boutique de Lyon',
    question: 'Faut-il ouvrir une boutique à Lyon en 2027 ?',
  });
  await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: bruno.id, role: 'contributor' });

  const { context, page } = await signedIn(browser, relay!.url, bruno, 'fr-FR');
  await expect(page.getByRole('heading', { name: 'Activités' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nouvelle activité' })).toBeVisible();
  await page.getByRole('link', { name: 'Boutique de Lyon' }).click();
  await expect(page.getByTestId('connection')).toHaveText(/En direct/);
  await expect(page.getByRole('heading', { name: 'Forces' })).toBeVisible();
  await page.getByLabel('Nouvel élément dans Menaces', { exact: true }).fill('Loyers en hausse');
  await page.getByRole('button', { name: 'Ajouter aux Menaces' }).click();
  await expect(page.getByTestId('quadrant-threats').getByTestId('swot-item')).toContainText('par Bruno Martin');
  await page.screenshot({ path: path.join(screenshots, 'activity-fr.png') });

  // Switch to English; the choice survives a reload.
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Strengths' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Threats' })).toBeVisible();
  await expect(page.getByTestId('quadrant-threats').getByTestId('swot-item')).toContainText('by Bruno Martin');
  await context.close();
});

test('the board can be used with the keyboard alone', async ({ browser }) => {
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Keyboard', question: 'Can all of it be done from the keyboard?' });
  const { context, page } = await signedIn(browser, relay!.url, org.alice);
  await page.getByRole('heading', { name: 'Activities' }).waitFor();
  await page.goto(`${relay!.url}/#/activities/${id}`);
  await page.reload();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  const input = page.getByLabel('New item in Strengths', { exact: true });
  await input.focus();
  await page.keyboard.type('First');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second');
  await page.keyboard.press('Enter');
  const items = page.getByTestId('quadrant-strengths').getByTestId('swot-item');
  await expect(items).toHaveText([/First/, /Second/]);
  await page.getByRole('button', { name: 'Move up: Second' }).focus();
  await page.keyboard.press('Enter');
  await expect(items).toHaveText([/Second/, /First/]);
  // Edit: Enter saves, Escape cancels.
  await page.getByRole('button', { name: 'Edit: First' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Edit item')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('First, reworded');
  await page.keyboard.press('Enter');
  await expect(items).toHaveText([/Second/, /First, reworded/]);
  await page.getByRole('button', { name: 'Edit: Second' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type(' (not kept)');
  await page.keyboard.press('Escape');
  await expect(items).toHaveText([/Second/, /First, reworded/]);
  await context.close();
});
