import { expect, test, type Browser } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let activityId = '';
let bruno: Awaited<ReturnType<typeof person>>;
let alice: { email: string; name: string; id: string };

test.beforeAll(async () => {
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  alice = org.alice;
  bruno = await person(org.admin, 'Bruno Martin');
  ({ id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Lyon shop',
    question: 'Should we open a shop in Lyon in 2027?',
    description: 'Our second city by online orders.',
  }));
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });
});
test.afterAll(async () => stopWebRelay(relay));

async function two(browser: Browser) {
  const a = await signedIn(browser, relay!.url, alice);
  const b = await signedIn(browser, relay!.url, bruno);
  const pa = new ActivityPage(a.page);
  const pb = new ActivityPage(b.page);
  await pa.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await pb.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await pa.open(relay!.url, activityId);
  await pb.open(relay!.url, activityId);
  return { pa, pb, close: async () => Promise.all([a.context.close(), b.context.close()]) };
}

test('two people work on the SWOT board live: add, edit, move, reorder, delete, with authors and presence', async ({ browser }) => {
  const { pa, pb, close } = await two(browser);

  // Each sees who is here.
  await expect(pa.page.getByTestId('presence').getByRole('listitem')).toHaveCount(2);
  await expect(pb.page.getByTestId('presence').getByRole('listitem', { name: 'Alice Durand' })).toBeVisible();

  // Both add items; each sees the other's, with its author.
  await pa.addItem('strengths', 'Loyal customers in the Rhône');
  await pb.addItem('threats', 'Two competitors opened in 2025');
  // Bruno adds his strength once he sees Alice's: added at once, the two would take their places in either order.
  await expect(pb.item('strengths', 'Loyal customers in the Rhône')).toContainText('by Alice Durand');
  await pb.addItem('strengths', 'Warehouse 40 minutes away');
  await expect(pa.item('threats', 'Two competitors opened in 2025')).toContainText('by Bruno Martin');
  await expect(pa.items('strengths')).toHaveText([/Loyal customers/, /Warehouse/]);

  // Bruno edits an item: Alice sees that he is editing it, then the new text.
  await pb.item('threats', 'Two competitors').getByRole('button', { name: /^Edit:/ }).click();
  await expect(pa.item('threats', 'Two competitors').getByTestId('editing-badge')).toHaveText('Bruno Martin is editing');
  await pa.page.screenshot({ path: path.join(screenshots, 'board-presence.png') });
  const box = pb.page.getByLabel('Edit item');
  await box.fill('Three competitors opened in 2025');
  await box.press('Enter');
  await expect(pa.item('threats', 'Three competitors')).toBeVisible();
  await expect(pa.page.getByTestId('editing-badge')).toHaveCount(0);

  // Reorder with the keyboard buttons, then move to another quadrant.
  await pa.item('strengths', 'Warehouse').getByRole('button', { name: /^Move up/ }).click();
  await expect(pb.items('strengths')).toHaveText([/Warehouse/, /Loyal customers/]);
  await pb.moveItem('strengths', 'Warehouse', 'opportunities');
  await expect(pa.items('opportunities')).toHaveText([/Warehouse/]);
  await expect(pa.items('strengths')).toHaveCount(1);

  // Drag and drop between quadrants.
  await pa.item('strengths', 'Loyal customers').dragTo(pa.quadrant('weaknesses'));
  await expect(pb.items('weaknesses')).toHaveText([/Loyal customers/]);

  // Delete.
  await pb.deleteItem('weaknesses', 'Loyal customers');
  await expect(pa.items('weaknesses')).toHaveCount(0);
  await expect(pa.page.getByText('Nothing yet.')).toHaveCount(2);

  // Both see the same board.
  const board = async (p: ActivityPage) => p.page.getByTestId('swot-item').locator('.swot-text').allTextContents();
  expect(await board(pa)).toEqual(await board(pb));
  await close();
});

test('comments: rich text, mentions, replies, and an edit keeps its earlier version', async ({ browser }) => {
  const { pa, pb, close } = await two(browser);
  const composer = pa.page.getByRole('textbox', { name: 'Write a comment' });
  await composer.click();
  await pa.page.keyboard.type('The lease is ');
  await pa.page.keyboard.press('Control+b');
  await pa.page.keyboard.type('cheap');
  await pa.page.keyboard.press('Control+b');
  await pa.page.keyboard.type(' — what do you think, @Bru');
  await pa.page.getByRole('option', { name: 'Bruno Martin' }).click();
  await pa.page.getByTestId('comments').getByRole('button', { name: 'Comment', exact: true }).click();

  const first = pb.comments().filter({ hasText: 'The lease is cheap' });
  await expect(first).toBeVisible();
  await expect(first.locator('strong')).toHaveText('cheap');
  await expect(first.locator('.mention')).toHaveText('@Bruno Martin');
  await expect(first).toContainText('mentions you');
  await expect(pa.comments().filter({ hasText: 'The lease is cheap' })).not.toContainText('mentions you');
  await expect(first).toContainText('Alice Durand');

  // Bruno replies.
  await pb.page.getByRole('button', { name: 'Reply to Alice Durand' }).click();
  await pb.page.getByRole('textbox', { name: 'Reply to Alice Durand' }).click();
  await pb.page.keyboard.type('Cheap, but the street is quiet.');
  await pb.page.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(pa.page.locator('.replies').getByTestId('comment')).toContainText('Cheap, but the street is quiet.');

  // Alice edits her comment: everyone sees the new text, and the earlier one on request.
  await pa.comments().filter({ hasText: 'The lease is cheap' }).getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = pa.page.getByRole('textbox', { name: 'Edit', exact: true });
  await editor.click();
  await pa.page.keyboard.press('Control+a');
  await pa.page.keyboard.type('The lease is cheap for three years.');
  await pa.page.getByRole('button', { name: 'Save', exact: true }).click();
  const edited = pb.comments().filter({ hasText: 'for three years' });
  await expect(edited).toContainText('edited');
  await edited.getByText('Earlier versions (1)').click();
  await expect(edited.getByTestId('comment-versions')).toContainText('The lease is cheap — what do you think, @Bruno Martin');
  // Only the author may edit.
  await expect(pb.comments().filter({ hasText: 'for three years' }).getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await pb.page.screenshot({ path: path.join(screenshots, 'comments.png') });
  await close();
});
