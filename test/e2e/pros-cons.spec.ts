import { expect, test } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { ProsConsPage } from './pages/pros-cons-page.ts';
import { organisation, person, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let activityId = '';
let bruno: Awaited<ReturnType<typeof person>>;
let chloe: Awaited<ReturnType<typeof person>>;
let alice: { email: string; name: string; id: string };

test.beforeAll(async () => {
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  alice = org.alice;
  bruno = await person(org.admin, 'Bruno Martin');
  chloe = await person(org.admin, 'Chloé Petit');
  ({ id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Lyon shop',
    question: 'Should we open a shop in Lyon in 2027?',
    description: 'Our second city by online orders.',
  }));
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: chloe.id, role: 'viewer' });
});
test.afterAll(async () => stopWebRelay(relay));

test('the facilitator adds a pros and cons board with two options; each person adds a pro or a con and sees the other’s live', async ({ browser }) => {
  const a = await signedIn(browser, relay!.url, alice);
  const b = await signedIn(browser, relay!.url, bruno);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await new ActivityPage(a.page).open(relay!.url, activityId);
  await new ActivityPage(b.page).open(relay!.url, activityId);
  const pa = new ProsConsPage(a.page);
  const pb = new ProsConsPage(b.page);

  // Only the facilitator may add a board or options.
  await expect(pb.page.getByRole('button', { name: 'Add a pros and cons board' })).toHaveCount(0);
  await pa.addBoard();
  await expect(pb.boards()).toHaveCount(1);
  await expect(pb.boards().getByRole('heading', { name: 'Pros and cons' })).toBeVisible();
  await expect(pb.page.getByLabel('New option', { exact: true })).toHaveCount(0);

  await pa.addOption('Open in Lyon');
  await pa.addOption('Wait a year');
  await expect(pb.option('Open in Lyon')).toBeVisible();
  await expect(pb.page.getByTestId('pros-cons-option').getByRole('heading', { level: 3 })).toHaveText(['Open in Lyon', 'Wait a year']);

  // Each adds an item; each sees the other's, with its author and the tally.
  await pa.addItem('Open in Lyon', 'pro', 'Loyal customers in the Rhône');
  await pb.addItem('Wait a year', 'con', 'A competitor may open first');
  await pb.addItem('Open in Lyon', 'con', 'Rents are high in the Presqu’île');
  await expect(pb.item('Open in Lyon', 'pro', 'Loyal customers')).toContainText('by Alice Durand');
  await expect(pa.item('Wait a year', 'con', 'A competitor')).toContainText('by Bruno Martin');
  await expect(pa.item('Open in Lyon', 'con', 'Rents are high')).toContainText('by Bruno Martin');
  await expect(pa.option('Open in Lyon').getByTestId('pros-cons-tally')).toHaveText('1 pros, 1 cons');
  await expect(pb.option('Wait a year').getByTestId('pros-cons-tally')).toHaveText('0 pros, 1 cons');

  // Bruno moves his con to the pros of the other option, with the keyboard; Alice sees it.
  const move = pb.item('Open in Lyon', 'con', 'Rents are high').getByRole('button', { name: /to another list$/ });
  await move.focus();
  await move.press('Enter');
  // The menu takes the focus: its first choice is the other side of the same option.
  await expect(pb.page.getByRole('button', { name: 'Pros of Open in Lyon', exact: true })).toBeFocused();
  await pb.item('Open in Lyon', 'con', 'Rents are high').getByRole('button', { name: 'Pros of Wait a year', exact: true }).press('Enter');
  await expect(pa.items('Wait a year', 'pro')).toHaveText([/Rents are high/]);
  await expect(pa.items('Open in Lyon', 'con')).toHaveCount(0);

  // A viewer reads the board, live, and can change nothing on it.
  const c = await signedIn(browser, relay!.url, chloe);
  await c.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await new ActivityPage(c.page).open(relay!.url, activityId);
  const pc = new ProsConsPage(c.page);
  await expect(pc.items('Wait a year', 'pro')).toHaveText([/Rents are high.*by Bruno Martin/]);
  await expect(pc.boards().getByRole('textbox')).toHaveCount(0);
  await expect(pc.boards().getByRole('button')).toHaveCount(0);
  await pa.addItem('Wait a year', 'pro', 'Time to train a team');
  await expect(pc.items('Wait a year', 'pro')).toHaveText([/Rents are high/, /Time to train a team/]);

  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
