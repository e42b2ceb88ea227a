import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ActivityPage } from './pages/activity-page.ts';
import { NoticesBell } from './pages/notices-bell.ts';
import { activityWithContributor, person, screenshots, signedIn } from './support/web-relay.ts';

/**
 * A mention, end to end: the composer offers the activity's people (not the rest of the
 * organisation, not oneself) as an accessible list, and the person mentioned sees it arrive
 * in their bell while the page is open, in their language, leading to the activity.
 */
const world = activityWithContributor('Lyon shop', 'Should we open a shop in Lyon in 2027?');

test('a mention composed by Alice reaches Bruno’s bell live; only the activity’s people are offered', async ({ browser }) => {
  await person(world.org.admin, 'Bruce Outsider');
  const alice = await signedIn(browser, world.relay.url, world.org.alice);
  const bruno = await signedIn(browser, world.relay.url, world.contributor, 'fr-FR');
  const bell = new NoticesBell(bruno.page);
  await bruno.page.getByRole('heading', { name: 'Activités' }).waitFor();
  // Told of being added to the activity.
  await expect(bell.button()).toHaveAccessibleName('Notifications, 1 non lue');

  const pa = new ActivityPage(alice.page);
  await pa.open(world.relay.url, world.activityId);
  const composer = alice.page.getByRole('textbox', { name: 'Write a comment' });
  await composer.click();
  await alice.page.keyboard.type('Can you check the lease, @Bru');
  const list = alice.page.getByRole('listbox', { name: 'People to mention' });
  await expect(list.getByRole('option')).toHaveText(['Bruno Martin']);
  // The editor names the highlighted option for screen readers.
  const active = await composer.getAttribute('aria-activedescendant');
  await expect(alice.page.locator(`[id="${active}"]`)).toHaveText('Bruno Martin');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.type('before Friday?');
  await alice.page.getByTestId('comments').getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(pa.comments().filter({ hasText: 'Can you check the lease' }).locator('.mention')).toHaveText('@Bruno Martin');

  // Pushed to Bruno's open page: no reload, no focus.
  await expect(bell.button()).toHaveAccessibleName('Notifications, 2 non lues');
  await bell.button().click();
  const notices = bruno.page.getByRole('dialog', { name: 'Notifications' }).getByTestId('notice');
  await expect(notices).toHaveCount(2);
  await expect(notices.nth(1)).toContainText('Alice Durand vous a ajouté à Lyon shop');
  const notice = notices.first();
  await expect(notice).toContainText('Alice Durand vous a mentionné dans Lyon shop : « Can you check the lease, @Bruno Martin before Friday? »');
  await bruno.page.screenshot({ path: path.join(screenshots, 'notices-mention-fr.png') });
  await notice.getByRole('link').click();
  await expect(bruno.page).toHaveURL(new RegExp(`#/activities/${world.activityId}(/work)?$`));
  await expect(bell.button()).toHaveAccessibleName('Notifications, 1 non lue');
  await alice.context.close();
  await bruno.context.close();
});
