import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { ActivityPage, type QuadrantName } from './pages/activity-page.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * The activity view as two colleagues leave it after ten minutes of work. Saved as a
 * test artifact; with UPDATE_README_SCREENSHOT=1 also as docs/screenshot.png.
 */
let relay: RelayProcess | undefined;
test.beforeAll(async () => {
  relay = await startWebRelay();
});
test.afterAll(async () => stopWebRelay(relay));

const board: [QuadrantName, string][] = [
  ['strengths', 'Online orders from Lyon grew 38% in two years'],
  ['strengths', 'Our Rhône supplier delivers daily'],
  ['weaknesses', 'No one on the team knows the Lyon property market'],
  ['opportunities', 'Presqu’île leases are 12% cheaper than in 2023'],
  ['opportunities', 'Students return in September: peak footfall'],
  ['threats', 'Two competitors opened on Rue de la République'],
];

test('the activity view, with a board, comments and two people at work', async ({ browser }) => {
  const org = await organisation(relay!.url);
  const bruno = await person(org.admin, 'Bruno Martin');
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Lyon shop',
    question: 'Should we open a shop in Lyon in 2027?',
    description:
      'Lyon is our second city by online orders. Two leases on the Presqu’île end in March; we must decide by the board meeting of 15 December.',
  });
  await org.admin.ok('PATCH', `/api/activities/${id}`, { status: 'open' });
  await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: bruno.id, role: 'contributor' });
  const a = await signedIn(browser, relay!.url, org.alice);
  await a.page.setViewportSize({ width: 1440, height: 1060 });
  const b = await signedIn(browser, relay!.url, bruno);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  const alice = new ActivityPage(a.page);
  const brunoPage = new ActivityPage(b.page);
  await alice.open(relay!.url, id);
  await brunoPage.open(relay!.url, id);
  for (const [i, [q, text]] of board.entries()) await (i % 2 ? brunoPage : alice).addItem(q, text);
  await alice.writeComment('The lease numbers look good. Bruno, can you check the footfall figures for September?');
  await b.page.getByRole('button', { name: 'Reply to Alice Durand' }).click();
  await b.page.getByRole('textbox', { name: 'Reply to Alice Durand' }).click();
  await b.page.keyboard.type('Yes: 4,200 people a day on Rue Victor-Hugo, twice June’s.');
  await b.page.getByRole('button', { name: 'Reply', exact: true }).click();
  await brunoPage.writeComment('Should we add the delivery costs from the Rhône warehouse to weaknesses?');
  await brunoPage.item('threats', 'Two competitors').getByRole('button', { name: /^Edit:/ }).click();
  await expect(alice.item('threats', 'Two competitors').getByTestId('editing-badge')).toBeVisible();
  await expect(alice.page.locator('.replies')).toContainText('4,200 people');
  await a.page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await a.page.mouse.move(0, 0);
  const file = path.join(screenshots, 'activity.png');
  await a.page.screenshot({ path: file });
  if (process.env.UPDATE_README_SCREENSHOT === '1') {
    await a.page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/screenshot.png') });
  }
  await Promise.all([a.context.close(), b.context.close()]);
});
