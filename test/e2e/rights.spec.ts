import { expect, test } from '@playwright/test';
import { organisation, person, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';
import type { RelayProcess } from '../support/relay.ts';

/**
 * Rights per group in the app (issue 15): the administrator keeps creating activities to
 * the Managers group on the plan screen; Bruno, not a manager, is no longer offered "New
 * activity", and the relay's refusal reaches him in French when he tries anyway; Chloé, a
 * manager, still creates one.
 */
let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

test('an administrator keeps creating activities to a group; others are not offered it and are told why', async ({ browser }) => {
  relay = await startWebRelay();
  const { admin, alice } = await organisation(relay.url);
  const bruno = await person(admin, 'Bruno Martin');
  const chloe = await person(admin, 'Chloe Petit');
  await admin.ok('POST', '/api/groups', { name: 'Managers', members: [chloe.id] });

  const before = await signedIn(browser, relay.url, bruno);
  await expect(before.page.getByRole('link', { name: 'New activity', exact: true })).toBeVisible();
  await before.context.close();

  const { page, context } = await signedIn(browser, relay.url, alice);
  await page.goto(`${relay.url}/#/organization`);
  const create = page.getByRole('form', { name: 'Create activities', exact: true });
  await expect(create.getByRole('checkbox', { name: 'Every member', exact: true })).toBeChecked();
  await create.getByRole('checkbox', { name: 'Every member', exact: true }).uncheck();
  await create.getByRole('checkbox', { name: 'Managers', exact: true }).check();
  await create.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(create.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Create activities', exact: true }).getByRole('checkbox', { name: 'Managers', exact: true })).toBeChecked();
  await context.close();

  const b = await signedIn(browser, relay.url, bruno, 'fr-FR');
  await expect(b.page.getByRole('heading', { name: 'Activités', exact: true })).toBeVisible();
  await expect(b.page.getByRole('link', { name: 'Nouvelle activité', exact: true })).toHaveCount(0);
  await b.page.goto(`${relay.url}/#/activities/new`);
  await b.page.getByLabel('Titre', { exact: true }).fill('Horaires d’été');
  await b.page.getByLabel('Question précise', { exact: true }).fill('Ouvrons-nous le dimanche cet été ?');
  await b.page.getByRole('button', { name: 'Créer l’activité', exact: true }).click();
  await expect(b.page.getByText('Votre organisation réserve cela à certains de ses groupes', { exact: false })).toBeVisible();
  expect((await bruno.api.ok<{ activities: unknown[] }>('GET', '/api/activities')).activities).toHaveLength(0);
  await b.context.close();

  const c = await signedIn(browser, relay.url, chloe);
  await c.page.getByRole('link', { name: 'New activity', exact: true }).click();
  await c.page.getByLabel('Title', { exact: true }).fill('Summer hours');
  await c.page.getByLabel('Precise question', { exact: true }).fill('Do we open on Sundays this summer?');
  await c.page.getByRole('button', { name: 'Create the activity', exact: true }).click();
  await expect(c.page.getByRole('heading', { name: 'Summer hours', exact: true })).toBeVisible();
  await c.context.close();
});
