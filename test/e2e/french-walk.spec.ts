import { expect, test, type Page } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { englishIn, englishStrings, formatsIn, readable } from './support/english-strings.ts';
import { frenchWorld } from './support/french-world.ts';
import { organisation, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13, finding 3: a French person walks the main screens and meets no English
 * (support/english-strings.ts says which). The methods' boards and the public campaign page
 * have their own walk, french-walk-methods.spec.ts.
 */
let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

test('a French walk through the main screens meets no English string from the dictionaries', async ({ browser }) => {
  test.setTimeout(180_000);
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  const world = await frenchWorld(relay.url, org.admin);
  const english = englishStrings();
  expect(english.phrases.length).toBeGreaterThan(300);
  expect(english.words).toEqual(expect.arrayContaining(['Undo', 'Edit', 'Save']));

  const { context, page } = await signedIn(browser, relay.url, org.alice, 'fr-FR');
  await page.getByRole('heading', { name: 'Activités' }).waitFor();
  const screens: { name: string; hash: string; ready?: (p: Page) => Promise<void> }[] = [
    { name: 'activity list', hash: '#/activities' },
    { name: 'activity with its boards', hash: `#/activities/${world.activityId}`, ready: (p) => expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'live') },
    { name: 'votes and the decision', hash: `#/activities/${world.activityId}/decide`, ready: (p) => expect(p.getByTestId('decision-record')).toBeVisible() },
    { name: 'members', hash: `#/activities/${world.activityId}/members` },
    { name: 'history', hash: `#/activities/${world.activityId}/history` },
    { name: 'figures', hash: '#/figures' },
    { name: 'a figure', hash: `#/figures/${world.figureId}` },
    {
      name: 'a refused CSV import',
      hash: `#/figures/${world.figureId}`,
      ready: async (p) => {
        const form = p.getByRole('form', { name: 'Importer un CSV' });
        const csv = 'Date;Valeur\n2026-11-20;10\n2026-11-21;douze\n2026-11-21;12\n2026-11-31;3\n';
        await form.getByLabel('Fichier CSV').setInputFiles({ name: 'ventes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await form.getByRole('button', { name: 'Importer', exact: true }).click();
        await expect(form.getByRole('alert')).toHaveText('Rien n’a été importé. Ligne 3 : Colonne « Valeur » : « douze » n’est pas un nombre. (et 1 autre problème)');
        await expect(form.locator('.csv-problems li')).toHaveCount(2);
      },
    },
    {
      name: 'SMS outbox',
      hash: '#/sms',
      ready: async (p) => {
        await p.locator('tr.sms-row').first().click();
        await expect(p.locator('.sms-timeline li').first()).toBeVisible();
      },
    },
    { name: 'SMS consent', hash: '#/sms/people' },
    { name: 'SMS provider', hash: '#/sms/provider' },
    { name: 'people', hash: '#/people' },
    { name: 'profile', hash: '#/profile' },
    { name: 'idea box', hash: `#/ideas/${world.boxId}` },
    { name: 'idea and its comments', hash: `#/ideas/${world.boxId}/idea/${world.ideaId}`, ready: (p) => expect(p.getByTestId('idea-comment').first()).toBeVisible() },
  ];
  const met: string[] = [];
  for (const screen of screens) {
    await page.goto(`${relay.url}/${screen.hash}`);
    await page.locator('main h1').first().waitFor();
    await expect(page.getByText(/^(Loading…|Chargement…)$/)).toHaveCount(0);
    await screen.ready?.(page);
    const text = await readable(page);
    met.push(...englishIn(screen.name, text, english), ...formatsIn(screen.name, text));
  }
  await context.close();
  expect(met).toEqual([]);
});
