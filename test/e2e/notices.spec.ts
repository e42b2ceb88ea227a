import path from 'node:path';
import { expect, test } from '@playwright/test';
import { password } from '../support/api.ts';
import type { RelayProcess } from '../support/relay.ts';
import { NoticesBell } from './pages/notices-bell.ts';
import { desktopContext, type ShownNotification } from './support/stand-in-bridge.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
});
test.afterAll(async () => stopWebRelay(relay));

test('notices: a published decision shows in the bell with its count; opening it leads to the decision and the count drops', async ({ browser }) => {
  if (!relay) throw new Error('no relay');
  const bruno = await person(org.admin, 'Bruno Martin');
  const { id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Opening hours',
    question: 'Do we open on Sunday mornings?',
  });
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });

  const { context, page } = await signedIn(browser, relay.url, bruno);
  await page.getByRole('heading', { name: 'Activities' }).waitFor();
  const bell = new NoticesBell(page);
  // Bruno was told he was added to the activity.
  await bell.expectUnread(1);
  await bell.open();
  await expect(bell.notices()).toHaveCount(1);
  await expect(bell.notices().first()).toContainText('Alice Durand added you to Opening hours');
  // Escape closes the panel and gives the focus back to the bell.
  await page.keyboard.press('Escape');
  await expect(bell.panel()).toHaveCount(0);
  await expect(bell.button()).toBeFocused();

  await org.admin.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'We open on Sundays from 9 to 12.', rationale: 'Most sales happen then.' });
  await bell.refreshByFocus();
  await bell.expectUnread(2);
  await expect(page.locator('.notices-bell').getByRole('status')).toHaveText('New notice: 2 unread');
  await expect(page.getByTestId('notices-count')).toHaveText('2');

  // The keyboard reaches the notice: the panel opens on its first line.
  await bell.button().press('Enter');
  await expect(bell.notices()).toHaveCount(2);
  const notice = bell.notices().first();
  await expect(notice).toContainText('Decision published: Opening hours');
  await expect(notice).toHaveClass(/unread/);
  await expect(notice.getByRole('link')).toBeFocused();
  await page.screenshot({ path: path.join(screenshots, 'notices-panel.png') });
  // Arrow keys move through the panel (and wrap around).
  await page.keyboard.press('ArrowDown');
  await expect(bell.notices().nth(1).getByRole('link')).toBeFocused();
  await expect(bell.notices().nth(1)).toContainText('Alice Durand added you to Opening hours');
  await page.keyboard.press('ArrowDown');
  await expect(bell.panel().getByRole('button', { name: 'Mark all as read' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(notice.getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`#/activities/${activityId}/decide$`));
  await expect(page.getByTestId('decision-record')).toContainText('We open on Sundays from 9 to 12.');
  await bell.expectUnread(1);
  await expect(page.getByTestId('notices-count')).toHaveText('1');
  await bell.open();
  await expect(bell.notices().first()).toHaveClass(/read/);
  await expect(bell.notices().first()).not.toHaveClass(/unread/);
  // Tabbing out of the panel (past its last notice) closes it.
  await bell.notices().last().getByRole('link').focus();
  await page.keyboard.press('Tab');
  await expect(bell.panel()).toHaveCount(0);

  await context.close();
});

test('in the desktop app, a notice that arrives while it is open shows a native notification, once, which opens its activity', async ({ browser }) => {
  if (!relay) throw new Error('no relay');
  const admin = org.admin;
  const chloe = await person(admin, 'Chloé Petit');
  const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Delivery days', question: 'Do we deliver on Saturdays too?' });
  await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: chloe.id, role: 'contributor' });

  const context = await desktopContext(browser, relay.url);
  const page = await context.newPage();
  await page.goto(relay.url + '/');
  await page.getByLabel('E-mail', { exact: true }).fill(chloe.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Activities' }).waitFor();
  const bell = new NoticesBell(page);
  const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: ShownNotification[] }).shownNotifications);
  // Told of being added before the app opened: in the bell, not shown as a native notification.
  await bell.expectUnread(1);

  await admin.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'Saturdays too, from March.', rationale: 'Customers ask for it.' });
  await bell.refreshByFocus();
  await bell.expectUnread(2);
  await expect.poll(shown).toEqual([{ title: 'Notices', body: 'Decision published: Delivery days', activityId }]);
  // Asked again, the same notice is not shown twice.
  await bell.refreshByFocus();
  await bell.expectUnread(2);
  expect(await shown()).toHaveLength(1);

  // A click on the notification opens the activity (main sends its id through the bridge).
  await page.evaluate((id) => (window as unknown as { openActivityFromMain(id: string): void }).openActivityFromMain(id), activityId);
  await expect(page.getByRole('heading', { name: 'Delivery days' })).toBeVisible();
  await context.close();
});
