import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import type { RelayProcess } from '../support/relay.ts';
import { connectClient, waitFor } from '../support/sync-client.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { organisation, person, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
});
test.afterAll(async () => stopWebRelay(relay));

/** The brief's paragraphs as the relay holds them (Lexical's tree in the root XmlText). */
async function relayParagraphs(api: Parameters<typeof connectClient>[0], activityId: string): Promise<number> {
  const client = await connectClient(api, activityId, new Y.Doc());
  await waitFor(() => client.provider.synced, 10_000, 'sync');
  const count = client.doc.get('root', Y.XmlText).toDelta().filter((op: { insert: unknown }) => op.insert instanceof Y.XmlText).length;
  client.destroy();
  return count;
}

test('the brief is seeded by the relay and edited by two people at once, live', async ({ browser }) => {
  const bruno = await person(org.admin, 'Bruno Martin');
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Lyon shop',
    question: 'Should we open a shop in Lyon in 2027?',
  });
  await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: bruno.id, role: 'contributor' });
  // Seeded with one empty paragraph; two clients opening it at once add none of their own.
  expect(await relayParagraphs(org.admin, id)).toBe(1);

  const a = await signedIn(browser, relay!.url, org.alice);
  const b = await signedIn(browser, relay!.url, bruno);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  const alice = new ActivityPage(a.page);
  const brunoPage = new ActivityPage(b.page);
  await Promise.all([alice.open(relay!.url, id), brunoPage.open(relay!.url, id)]);
  expect(await relayParagraphs(org.admin, id)).toBe(1);

  await a.page.getByTestId('brief').click();
  await a.page.keyboard.type('Leases end in March.');
  await expect(b.page.getByTestId('brief')).toContainText('Leases end in March.');
  await b.page.getByTestId('brief').click();
  await b.page.keyboard.press('Control+End');
  await b.page.keyboard.press('Enter');
  await b.page.keyboard.type('Footfall doubles in September.');
  await expect(a.page.getByTestId('brief')).toContainText('Footfall doubles in September.');
  await expect(a.page.getByTestId('brief').locator('p')).toHaveCount(2);
  await expect(b.page.getByTestId('brief').locator('p')).toHaveCount(2);
  await expect.poll(() => relayParagraphs(org.admin, id)).toBe(2);

  // A reload reads the same brief back (from this device's copy and the relay).
  await a.page.reload();
  await expect(a.page.getByTestId('brief').locator('p')).toHaveText(['Leases end in March.', 'Footfall doubles in September.']);
  await expect(a.page.getByTestId('brief').locator('p')).toHaveCount(2);
  await Promise.all([a.context.close(), b.context.close()]);
});

test('a member removed while the activity is open is told so and can no longer edit', async ({ browser }) => {
  const admin = org.admin;
  const carol = await person(admin, 'Carol Petit');
  const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Revoked', question: 'What happens when access is removed?' });
  await admin.ok('POST', `/api/activities/${id}/members`, { userId: carol.id, role: 'contributor' });
  const c = await signedIn(browser, relay!.url, carol);
  await c.page.getByRole('heading', { name: 'Activities' }).waitFor();
  const page = new ActivityPage(c.page);
  await page.open(relay!.url, id);
  await expect(c.page.getByLabel('New item in Strengths', { exact: true })).toBeVisible();
  await admin.ok('DELETE', `/api/activities/${id}/members/users/${carol.id}`);
  await expect(page.connection()).toHaveText(/Your access to this activity was removed/);
  await expect(c.page.getByLabel('New item in Strengths', { exact: true })).toHaveCount(0);
  await c.context.close();
});
