import { expect, test } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { PrioritisationPage } from './pages/prioritisation-page.ts';
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
  ({ id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Roadmap', question: 'What do we do first?' }));
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });
});
test.afterAll(async () => stopWebRelay(relay));

test('a prioritisation 2×2: the facilitator adds it, a contributor on a phone moves an item with the keyboard into quick wins, both see it there', async ({ browser }) => {
  const a = await signedIn(browser, relay!.url, alice);
  const b = await signedIn(browser, relay!.url, bruno, 'en-GB', { viewport: { width: 390, height: 844 } });
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await new ActivityPage(a.page).open(relay!.url, activityId);
  await new ActivityPage(b.page).open(relay!.url, activityId);
  const pa = new PrioritisationPage(a.page);
  const pb = new PrioritisationPage(b.page);

  await expect(b.page.getByRole('button', { name: 'Add a prioritisation 2×2', exact: true })).toHaveCount(0);
  await pa.addBoard();
  await expect(pb.boards()).toHaveCount(1);
  await pb.addItem('Faster checkout');
  // A new item starts in the middle: impact and effort 50, a major project.
  await expect(pa.list('majorProjects')).toContainText('Faster checkout');
  await expect(pb.marker('Faster checkout')).toHaveAccessibleName('Faster checkout: impact 50, effort 50, Major projects');

  // Four steps left (less effort) and two up (more impact), with the keyboard.
  await pb.marker('Faster checkout').focus();
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp']) await b.page.keyboard.press(key);
  await expect(pb.marker('Faster checkout')).toHaveAccessibleName('Faster checkout: impact 60, effort 30, Quick wins');
  await expect(pa.list('quickWins')).toContainText('Faster checkout');
  await expect(pa.list('majorProjects')).not.toContainText('Faster checkout');
  await expect(pa.page.getByLabel('Effort of "Faster checkout"', { exact: true })).toHaveValue('30');

  // The phone shows the board without sideways scrolling.
  const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await a.context.close();
  await b.context.close();
});
