import { expect, test } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { organisation, person, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let activityId = '';
let bruno: Awaited<ReturnType<typeof person>>;
let alice: { email: string; name: string; id: string };

test.beforeAll(async () => {
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  alice = org.alice;
  bruno = await person(org.admin, 'Bruno Martin');
  ({ id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Tills', question: 'Do we buy new tills?' }));
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });
});
test.afterAll(async () => stopWebRelay(relay));

test('cost/benefit: the facilitator adds an option, a contributor on a phone adds a cost and a benefit, both see the expected net and payback', async ({ browser }) => {
  const a = await signedIn(browser, relay!.url, alice);
  const b = await signedIn(browser, relay!.url, bruno, 'en-GB', { viewport: { width: 390, height: 844 } });
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await new ActivityPage(a.page).open(relay!.url, activityId);
  await new ActivityPage(b.page).open(relay!.url, activityId);

  await a.page.getByRole('button', { name: 'Add a cost/benefit board', exact: true }).click();
  await a.page.getByLabel('New option', { exact: true }).last().fill('New tills');
  await a.page.getByRole('button', { name: 'Add option', exact: true }).last().click();
  const option = b.page.getByTestId('cost-option').filter({ hasText: 'New tills' });
  await expect(option).toBeVisible();
  await expect(b.page.getByLabel('New option', { exact: true })).toHaveCount(0);

  const field = (name: string) => option.getByLabel(`${name} for New tills`, { exact: true });
  await field('What').fill('Tills');
  await field('Amount').fill('12,000.00');
  await option.getByRole('button', { name: 'Add line', exact: true }).click();
  await field('Cost or benefit').selectOption('benefit');
  await field('What').fill('Faster sales');
  await field('Amount').fill('1.5');
  await field('Amount').fill('2000');
  await field('How often').selectOption('monthly');
  await option.getByRole('button', { name: 'Add line', exact: true }).click();

  const figures = 'New tills (EUR): costs €12,000.00, benefits €24,000.00, expected net €12,000.00, payback in 6 months';
  await expect(a.page.getByTestId('cost-figures')).toHaveText(figures);
  await expect(b.page.getByTestId('cost-figures')).toHaveText(figures);
  // An amount that cannot be read is said, and nothing is added.
  await field('What').fill('Training');
  await field('Amount').fill('1.234');
  await option.getByRole('button', { name: 'Add line', exact: true }).click();
  await expect(option.getByRole('alert')).toHaveText('Type the amount as a number with at most the currency’s decimals, such as 1250 or 1250.50.');
  await expect(a.page.getByTestId('cost-line')).toHaveCount(2);

  const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await a.context.close();
  await b.context.close();
});
