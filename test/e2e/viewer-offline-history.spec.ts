import { expect, test } from '@playwright/test';
import path from 'node:path';
import * as Y from 'yjs';
import type { RelayProcess } from '../support/relay.ts';
import { connectClient, waitFor } from '../support/sync-client.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
let bruno: Awaited<ReturnType<typeof person>>;
let carol: Awaited<ReturnType<typeof person>>;
let activityId = '';

test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
  bruno = await person(org.admin, 'Bruno Martin');
  carol = await person(org.admin, 'Carol Petit');
  ({ id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Lyon shop',
    question: 'Should we open a shop in Lyon in 2027?',
  }));
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: carol.id, role: 'viewer' });
});
test.afterAll(async () => stopWebRelay(relay));

/** What the relay holds, read by a stock client as the facilitator. */
async function relayItems(): Promise<string[]> {
  const client = await connectClient(org.admin, activityId, new Y.Doc());
  await waitFor(() => client.provider.synced, 10_000, 'sync');
  const items = (client.doc.getMap('methods').get('swot') as Y.Map<Y.Map<Y.Map<unknown>>>).get('items')!;
  const texts = [...items.values()].map((m) => String(m.get('text'))).sort();
  client.destroy();
  return texts;
}

test('a viewer sees everything but cannot change anything, and is told so', async ({ browser }) => {
  const a = await signedIn(browser, relay!.url, org.alice);
  const alice = new ActivityPage(a.page);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await alice.open(relay!.url, activityId);
  await alice.addItem('opportunities', 'Tourists all year');
  await alice.writeComment('Visible to viewers too');

  const c = await signedIn(browser, relay!.url, carol);
  const viewer = new ActivityPage(c.page);
  await c.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await viewer.open(relay!.url, activityId);
  await expect(c.page.getByTestId('read-only')).toHaveText('You are a viewer: you can read everything, but not change it.');
  await expect(viewer.item('opportunities', 'Tourists all year')).toContainText('by Alice Durand');
  await expect(viewer.comments().filter({ hasText: 'Visible to viewers too' })).toBeVisible();
  // No way to change anything: no add forms, no item actions, no composer, the brief read-only.
  await expect(c.page.getByLabel(/^New item in/)).toHaveCount(0);
  await expect(viewer.item('opportunities', 'Tourists all year').getByRole('button')).toHaveCount(0);
  await expect(c.page.getByRole('textbox', { name: 'Write a comment' })).toHaveCount(0);
  await expect(c.page.getByRole('button', { name: /^Reply/ })).toHaveCount(0);
  await expect(c.page.getByTestId('brief')).toHaveAttribute('contenteditable', 'false');
  await c.page.getByTestId('brief').click();
  await c.page.keyboard.type('viewer was here');
  await expect(c.page.getByTestId('brief')).not.toContainText('viewer was here');
  await c.page.getByRole('link', { name: 'Members' }).click();
  await expect(c.page.getByText('Only a facilitator can change members.')).toBeVisible();
  await expect(c.page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await c.page.screenshot({ path: path.join(screenshots, 'viewer.png') });
  expect(await relayItems()).toEqual(['Tourists all year']);
  await Promise.all([a.context.close(), c.context.close()]);
});

test('one goes offline, both edit, the offline one comes back and both converge', async ({ browser }) => {
  const a = await signedIn(browser, relay!.url, org.alice);
  const b = await signedIn(browser, relay!.url, bruno);
  const alice = new ActivityPage(a.page);
  const brunoPage = new ActivityPage(b.page);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await alice.open(relay!.url, activityId);
  await brunoPage.open(relay!.url, activityId);

  // Offline: the browser's network is cut (Chromium's offline emulation; the client also
  // drops its socket on the browser's "offline" event) and the UI says so.
  await b.context.setOffline(true);
  await expect(brunoPage.connection()).toHaveAttribute('data-state', 'offline');
  await expect(brunoPage.connection()).toContainText('Offline');

  await brunoPage.addItem('weaknesses', 'Written offline by Bruno');
  await b.page.getByRole('textbox', { name: 'Write a comment' }).click();
  await b.page.keyboard.type('Offline comment');
  await b.page.getByTestId('comments').getByRole('button', { name: 'Comment', exact: true }).click();
  await alice.addItem('strengths', 'Written online by Alice');
  await b.page.screenshot({ path: path.join(screenshots, 'offline.png') });
  // Nothing typed offline reached the relay or Alice yet.
  expect(await relayItems()).not.toContain('Written offline by Bruno');
  await expect(alice.item('weaknesses', 'Written offline by Bruno')).toHaveCount(0);
  await expect(brunoPage.item('strengths', 'Written online by Alice')).toHaveCount(0);

  // Kept on the device: the page is reloaded while the relay stays out of reach (the
  // client files load, the sync ticket does not): the offline edits come from IndexedDB.
  await b.page.route('**/api/activities/*/sync-ticket', (route) => route.abort('internetdisconnected'));
  await b.context.setOffline(false);
  await b.page.reload();
  await expect(brunoPage.item('weaknesses', 'Written offline by Bruno')).toBeVisible();
  await expect(brunoPage.connection()).toHaveAttribute('data-state', 'offline');
  await expect(alice.item('weaknesses', 'Written offline by Bruno')).toHaveCount(0);

  await b.page.unroute('**/api/activities/*/sync-ticket');
  await brunoPage.live();
  await expect(alice.item('weaknesses', 'Written offline by Bruno')).toBeVisible();
  await expect(alice.comments().filter({ hasText: 'Offline comment' })).toBeVisible();
  await expect(brunoPage.item('strengths', 'Written online by Alice')).toBeVisible();
  const board = async (p: ActivityPage) => (await p.page.getByTestId('swot-item').locator('.swot-text').allTextContents()).sort();
  expect(await board(alice)).toEqual(await board(brunoPage));
  expect(await relayItems()).toEqual(expect.arrayContaining(['Written offline by Bruno', 'Written online by Alice']));
  await alice.live();
  await Promise.all([a.context.close(), b.context.close()]);
});

test('with the relay out of reach from the start, a known activity still opens from this device', async ({ browser }) => {
  const b = await signedIn(browser, relay!.url, bruno);
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  const page = new ActivityPage(b.page);
  await page.open(relay!.url, activityId);
  await expect(page.item('opportunities', 'Tourists all year')).toBeVisible();

  // Every API call fails as if the network were down; only the client's files load.
  await b.page.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await b.page.reload();
  await expect(b.page.getByRole('heading', { name: 'Lyon shop' })).toBeVisible();
  await expect(page.connection()).toHaveAttribute('data-state', 'offline');
  await expect(page.item('opportunities', 'Tourists all year')).toBeVisible();
  await page.addItem('threats', 'Written before the relay was ever reached');

  await b.page.unroute('**/api/**');
  await page.live();
  expect(await relayItems()).toContain('Written before the relay was ever reached');
  await b.context.close();
});

test('the history shows who changed what and when', async ({ browser }) => {
  const a = await signedIn(browser, relay!.url, org.alice);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  const alice = new ActivityPage(a.page);
  await alice.open(relay!.url, activityId, 'history');
  const entries = a.page.getByTestId('history-entry');
  await expect(entries.first()).toBeVisible();
  await expect(entries.filter({ hasText: 'Bruno Martin' }).first()).toContainText(/the SWOT board|comments/);
  await expect(entries.filter({ hasText: 'Alice Durand' }).first()).toBeVisible();
  await a.page.screenshot({ path: path.join(screenshots, 'history.png') });
  await a.context.close();
});
