import { expect, test, type Browser } from '@playwright/test';
import path from 'node:path';
import { ActivityPage } from './pages/activity-page.ts';
import { activityWithContributor, screenshots, signedIn } from './support/web-relay.ts';

const world = activityWithContributor('Nantes depot', 'Keep the Nantes depot?');

/** Alice (facilitator) and Bruno (contributor), each signed in with the activity open and live. */
async function bothOpen(browser: Browser) {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  const b = await signedIn(browser, world.relay.url, world.contributor);
  const alice = new ActivityPage(a.page);
  const brunoPage = new ActivityPage(b.page);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await alice.open(world.relay.url, world.activityId);
  await brunoPage.open(world.relay.url, world.activityId);
  return { a, b, alice, brunoPage };
}

test('SPEC H1–H2: the timeline shows the earlier board, and restoring brings a removed item back for both people', async ({ browser }) => {
  const { a, b, alice, brunoPage } = await bothOpen(browser);
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

test('SPEC H2: the facilitator restores the brief in two clicks; "Restored." is announced in English and French, and the earlier brief is back for both', async ({ browser }) => {
  const { a, b, alice, brunoPage } = await bothOpen(browser);
  await a.page.getByTestId('brief').click();
  await a.page.keyboard.type('Leases end in March.');
  await expect(b.page.getByTestId('brief')).toHaveText('Leases end in March.');
  await brunoPage.addItem('opportunities', 'Ferry traffic grows');
  await expect(alice.item('opportunities', 'Ferry traffic grows')).toBeVisible();
  await a.page.getByTestId('brief').click();
  await a.page.keyboard.press('Control+A');
  await a.page.keyboard.type('Leases were renewed.');
  await expect(b.page.getByTestId('brief')).toHaveText('Leases were renewed.');

  await a.page.getByRole('link', { name: 'History' }).click();
  const timeline = a.page.getByRole('region', { name: 'Back in time' });
  await expect(timeline.getByTestId('moment-brief')).toHaveText('Leases were renewed.');
  await timeline.getByRole('button', { name: 'Earlier' }).click();
  await expect(timeline.getByTestId('timeline-when')).toContainText('Bruno Martin');
  await expect(timeline.getByTestId('moment-brief')).toHaveText('Leases end in March.');
  // The whole-activity restore says what it does on its face.
  await expect(timeline.getByRole('button', { name: 'Restore the whole activity to this moment', exact: true })).toHaveText(
    'Restore the whole activity to this moment',
  );

  // Two clicks: Restore (the brief), then Yes, restore.
  await timeline.getByRole('button', { name: 'Restore the brief', exact: true }).click();
  await timeline.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(timeline.getByRole('status').filter({ hasText: 'Restored.' })).toHaveText('Restored.');
  await expect(timeline.getByRole('button', { name: 'Restore the brief', exact: true })).toHaveCount(0);
  await expect(b.page.getByTestId('brief')).toHaveText('Leases end in March.');
  await a.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(a.page.getByTestId('restore-outcome')).toHaveText('Restauré.');
  await a.page.getByRole('link', { name: 'Tableau', exact: true }).click();
  await expect(a.page.getByTestId('brief')).toHaveText('Leases end in March.');
  await Promise.all([a.context.close(), b.context.close()]);
});

test('SPEC H4: a contributor is offered to restore what he removed himself, not what the facilitator removed', async ({ browser }) => {
  const { a, b, alice, brunoPage } = await bothOpen(browser);
  await alice.addItem('threats', 'Rail strike');
  await alice.addItem('threats', 'Old cranes');
  await expect(brunoPage.item('threats', 'Old cranes')).toBeVisible();
  await brunoPage.deleteItem('threats', 'Rail strike');
  await expect(alice.item('threats', 'Rail strike')).toHaveCount(0);
  await alice.deleteItem('threats', 'Old cranes');
  await expect(brunoPage.item('threats', 'Old cranes')).toHaveCount(0);

  await b.page.getByRole('link', { name: 'History' }).click();
  const timeline = b.page.getByRole('region', { name: 'Back in time' });
  await expect(timeline.getByTestId('timeline-when')).toContainText('Alice Durand');
  await timeline.getByRole('button', { name: 'Earlier' }).click();
  await timeline.getByRole('button', { name: 'Earlier' }).click();
  const item = (text: string) => timeline.getByTestId('moment-item').filter({ hasText: text });
  await expect(item('Old cranes')).toBeVisible();
  await expect(item('Rail strike')).toBeVisible();
  await expect(item('Rail strike').getByRole('button', { name: 'Restore "Rail strike"' })).toBeVisible();
  await expect(item('Old cranes').getByRole('button', { name: /^Restore/ })).toHaveCount(0);
  await expect(timeline.getByRole('button', { name: 'Restore the whole activity to this moment' })).toHaveCount(0);

  await item('Rail strike').getByRole('button', { name: 'Restore "Rail strike"' }).click();
  await timeline.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(timeline.getByTestId('restore-outcome')).toHaveText('Restored.');
  await expect(alice.item('threats', 'Rail strike')).toBeVisible();
  await expect(alice.item('threats', 'Old cranes')).toHaveCount(0);
  await Promise.all([a.context.close(), b.context.close()]);
});

test('SPEC H4, H5: when the relay could not work out what a contributor removed (yours: null), nothing is offered and he is told why, in English and French', async ({ browser }) => {
  const { a, b, alice, brunoPage } = await bothOpen(browser);
  await alice.addItem('opportunities', 'Night shifts');
  await expect(brunoPage.item('opportunities', 'Night shifts')).toBeVisible();
  await brunoPage.deleteItem('opportunities', 'Night shifts');
  await expect(alice.item('opportunities', 'Night shifts')).toHaveCount(0);
  // As a relay past its replay allowance answers (SPEC H5): the moment, with yours null.
  await b.page.route(/\/api\/activities\/[\w-]+\/document\?/, async (route) => {
    try {
      const response = await route.fetch();
      const moment = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...moment, yours: null } });
    } catch {
      // The page let this request go (a newer moment was asked meanwhile): there is nothing to answer.
    }
  });

  await b.page.getByRole('link', { name: 'History' }).click();
  const timeline = b.page.getByRole('region', { name: 'Back in time' });
  await timeline.getByRole('button', { name: 'Earlier' }).click();
  const item = timeline.getByTestId('moment-item').filter({ hasText: 'Night shifts' });
  await expect(item).toBeVisible();
  await expect(timeline.getByTestId('yours-unknown')).toHaveText(
    'What you removed since this moment cannot be worked out right now, so nothing here is offered to restore. Ask a facilitator if you need something back.',
  );
  await expect(item.getByRole('button', { name: /^Restore/ })).toHaveCount(0);
  await b.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(b.page.getByRole('region', { name: 'Remonter le temps' }).getByTestId('yours-unknown')).toHaveText(/^Ce que vous avez supprimé depuis ce moment ne peut pas être établi pour l’instant/);
  await Promise.all([a.context.close(), b.context.close()]);
});
