import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

/**
 * Issue 17, action items, two people in Chromium on a real relay: Alice (facilitator)
 * assigns an item to Bruno from the decision record in one click; it is on the activity's
 * live board at once; Bruno finds it in "My actions" on his phone, in English then in
 * French, marks it done on the board, and it leaves his list. Alice sees overdue items.
 */
test('an action item assigned from the decision record is listed in its owner’s “My actions”, phone size, English and French', async ({ browser }) => {
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  const bruno = await person(org.admin, 'Bruno Martin');
  const { id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Next store', question: 'Where do we open the next store?' });
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });
  await org.admin.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'We open in Lille in spring.', rationale: 'Closest to our warehouse.' });
  // An item already late, for the facilitator's notice.
  await org.admin.ok('POST', `/api/activities/${activityId}/actions`, { title: 'Send the survey', ownerId: bruno.id, due: '2020-01-06' });

  const alice = await signedIn(browser, relay.url, org.alice);
  await alice.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await alice.page.goto(`${relay.url}/#/activities/${activityId}/decide`);
  const record = alice.page.getByTestId('decision-record');
  await expect(record).toContainText('We open in Lille in spring.');
  const assign = record.getByRole('form', { name: 'Assign' });
  await assign.getByLabel('New action item', { exact: true }).fill('Sign the Lille lease');
  await assign.getByLabel('Owner', { exact: true }).selectOption({ label: 'Bruno Martin' });
  await assign.getByLabel('Due', { exact: true }).fill('2099-03-15');
  await assign.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(record.getByTestId('decision-action').filter({ hasText: 'Sign the Lille lease' })).toContainText('Bruno Martin · due Mar 15, 2099 · To do');

  // On the live board at once, and the facilitator is told what is late.
  await alice.page.goto(`${relay.url}/#/activities/${activityId}`);
  const board = alice.page.getByTestId('action-items-board');
  await expect(board.getByTestId('action-item').filter({ hasText: 'Sign the Lille lease' })).toBeVisible();
  await expect(alice.page.getByTestId('overdue-actions')).toContainText('1 action item is overdue');
  await expect(alice.page.getByTestId('overdue-actions')).toContainText('Send the survey · Bruno Martin');

  // Bruno, on a phone: the menu, then "My actions".
  const phone = await signedIn(browser, relay.url, bruno, 'en-GB', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await phone.page.getByRole('button', { name: 'Menu' }).click();
  await phone.page.getByRole('link', { name: 'My actions', exact: true }).click();
  await expect(phone.page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  const mine = phone.page.getByTestId('my-action');
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(0)).toContainText('Send the survey');
  await expect(mine.nth(0)).toContainText('Overdue');
  await expect(mine.nth(1)).toContainText('Sign the Lille lease');
  await expect(mine.nth(1)).toContainText('Next store');
  await expect(mine.nth(1)).toContainText('due Mar 15, 2099');
  const fits = await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  await phone.page.screenshot({ path: path.join(screenshots, 'my-actions-phone.png'), fullPage: true });

  // In French.
  await phone.page.getByRole('button', { name: 'Menu' }).click();
  await phone.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(phone.page.getByRole('heading', { name: 'Mes actions' })).toBeVisible();
  await expect(phone.page.getByTestId('my-action').nth(1)).toContainText('pour le 15 mars 2099');
  await expect(phone.page.getByTestId('my-action').nth(0)).toContainText('En retard');

  // Bruno marks it done on the board: it leaves his list.
  await phone.page.getByRole('button', { name: 'Menu', exact: true }).click();
  await phone.page.getByRole('link', { name: 'Sign the Lille lease' }).click();
  await phone.page.getByLabel('État de « Sign the Lille lease »', { exact: true }).selectOption('done');
  await expect(alice.page.getByTestId('action-item').filter({ hasText: 'Sign the Lille lease' })).toHaveClass(/status-done/);
  await phone.page.goto(`${relay.url}/#/actions`);
  await expect(phone.page.getByTestId('my-action')).toHaveCount(1);
  await expect(phone.page.getByTestId('my-action')).toContainText('Send the survey');

  await alice.context.close();
  await phone.context.close();
});
