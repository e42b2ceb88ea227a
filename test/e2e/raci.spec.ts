import { expect, test } from '@playwright/test';
import { ActivityPage } from './pages/activity-page.ts';
import { activityWithContributor, signedIn } from './support/web-relay.ts';

const world = activityWithContributor('Shop lease', 'Who signs the new shop lease, and who is told?');

test('responsibility matrix: the facilitator picks a member and a role as columns; a member on a phone in French sets cells and both see the check', async ({ browser }) => {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  const b = await signedIn(browser, world.relay.url, world.contributor, 'fr-FR', { viewport: { width: 390, height: 844 } });
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activités' }).waitFor();
  await new ActivityPage(a.page).open(world.relay.url, world.activityId);
  await new ActivityPage(b.page).open(world.relay.url, world.activityId);

  await a.page.getByRole('button', { name: 'Add a responsibility matrix', exact: true }).click();
  const matrixA = a.page.getByTestId('raci-board');
  await matrixA.getByLabel('Member to add as a column', { exact: true }).selectOption({ label: 'Bruno Martin' });
  await matrixA.getByRole('button', { name: 'Add member', exact: true }).click();
  await matrixA.getByLabel('New role (a team, a function)', { exact: true }).fill('Legal');
  await matrixA.getByRole('button', { name: 'Add role', exact: true }).click();
  // A member already a column is not offered again.
  await expect(matrixA.getByLabel('Member to add as a column', { exact: true }).getByRole('option', { name: 'Bruno Martin' })).toHaveCount(0);

  const matrixB = b.page.getByTestId('raci-board');
  await expect(matrixB.getByRole('columnheader', { name: 'Bruno Martin' })).toBeVisible();
  await expect(matrixB.getByRole('columnheader', { name: 'Legal' })).toBeVisible();
  // Columns are the facilitator's: the member has no picker.
  await expect(matrixB.getByLabel('Membre à ajouter en colonne')).toHaveCount(0);
  await matrixB.getByLabel('Nouvelle tâche', { exact: true }).fill('Signer le bail');
  await matrixB.getByRole('button', { name: 'Ajouter la tâche', exact: true }).click();
  await matrixB.getByLabel('Signer le bail : rôle de Bruno Martin', { exact: true }).selectOption('A');
  await matrixB.getByLabel('Signer le bail : rôle de Legal', { exact: true }).selectOption('A');
  await expect(matrixA.getByTestId('raci-check')).toHaveText('more than one A');
  await expect(matrixB.getByTestId('raci-check')).toHaveText('plus d’un A');
  await matrixA.getByLabel('Signer le bail: role of Legal', { exact: true }).selectOption('C');
  await expect(matrixB.getByTestId('raci-check')).toHaveText('OK');

  const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await a.context.close();
  await b.context.close();
});
