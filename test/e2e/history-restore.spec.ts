import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ActivityPage } from './pages/activity-page.ts';
import { activityWithContributor, screenshots, signedIn } from './support/web-relay.ts';

const world = activityWithContributor('Nantes depot', 'Keep the Nantes depot?');

test('SPEC H1–H2: the timeline shows the earlier board, and restoring brings a removed item back for both people', async ({ browser }) => {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  const b = await signedIn(browser, world.relay.url, world.contributor);
  const alice = new ActivityPage(a.page);
  const brunoPage = new ActivityPage(b.page);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await alice.open(world.relay.url, world.activityId);
  await brunoPage.open(world.relay.url, world.activityId);
  await alice.addItem('strengths', 'Close to the port');
  await expect(brunoPage.item('strengths', 'Close to the port')).toBeVisible();
  // Bruno removes Alice's item; it is gone for both.
  await brunoPage.deleteItem('strengths', 'Close to the port');
  await expect(alice.item('strengths', 'Close to the port')).toHaveCount(0);

  // Alice walks back: the moment before the removal shows the item, read-only.
  await a.page.getByRole('link', { name: 'History' }).click();
  const timeline = a.page.getByRole('region', { name: 'Back in time' });
  await expect(timeline.getByTestId('timeline-when')).toContainText('Bruno Martin');
  await timeline.getByRole('button', { name: 'Earlier' }).click();
  const earlier = timeline.getByTestId('moment-item').filter({ hasText: 'Close to the port' });
  await expect(earlier).toBeVisible();
  await expect(earlier).toContainText('added');
  await a.page.setViewportSize({ width: 390, height: 844 });
  await a.page.screenshot({
    path: path.join(screenshots, 'history-timeline.png'),
    fullPage: true,
  });

  // Two clicks: Restore, then Yes, restore.
  await earlier.getByRole('button', { name: 'Restore "Close to the port"' }).click();
  await timeline.getByRole('button', { name: 'Yes, restore' }).click();
  // Back in the live document: nothing left to restore for that item.
  await expect(timeline.getByRole('button', { name: 'Restore "Close to the port"' })).toHaveCount(0);
  await expect(brunoPage.item('strengths', 'Close to the port')).toBeVisible();
  await a.page.getByRole('link', { name: 'Board', exact: true }).click();
  await expect(alice.item('strengths', 'Close to the port')).toBeVisible();
  await Promise.all([a.context.close(), b.context.close()]);
});
