import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13 (adoptable tomorrow): refusals shown where they happen in the person's
 * language, every main screen at phone size, French everywhere, boards that never
 * overlap or clip, and axe-core on every main screen in both languages at both sizes.
 */
let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
});
test.afterAll(async () => stopWebRelay(relay));

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

test('finding 1: a Delphi estimate sent without its reason is refused under the field, in French, announced, and the value stays', async ({ browser }) => {
  const bruno = await person(org.admin, 'Bruno Lefèvre');
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Ventes 2027', question: 'Combien vendrons-nous à Lyon en 2027 ?' });
  await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: bruno.id, role: 'contributor' });
  const question = 'Quel chiffre d’affaires la première année ?';
  await org.admin.ok('POST', `/api/activities/${id}/polls`, { kind: 'estimate', quantity: 'CA', unit: 'k€', rule: 'median', question, deadline: inADay() });

  const { context, page } = await signedIn(browser, relay!.url, bruno, 'fr-FR');
  await page.getByRole('heading', { name: 'Activités' }).waitFor();
  await page.goto(`${relay!.url}/#/activities/${id}/decide`);
  const card = page.getByRole('article', { name: question });
  await card.getByLabel('Votre estimation (k€)').fill('850');
  await card.getByRole('button', { name: 'Envoyer' }).click();

  const reason = card.getByLabel('Raison');
  await expect(card.getByRole('alert')).toHaveText('Indiquez la raison de votre estimation.');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription('Indiquez la raison de votre estimation.');
  await expect(card.getByLabel('Votre estimation (k€)')).toHaveValue('850');
  await expect(card.getByTestId('participation')).toContainText('0 sur');

  await reason.fill('Comme Bordeaux la première année.');
  await card.getByRole('button', { name: 'Envoyer' }).click();
  await expect(card.getByTestId('participation')).toContainText('Bruno Lefèvre');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshots, 'adoption-estimate-fr-phone.png'), fullPage: true });
  await context.close();
});
