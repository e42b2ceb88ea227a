import { expect, test, type Browser } from '@playwright/test';
import path from 'node:path';
import { ActivityPage } from './pages/activity-page.ts';
import { ProsConsPage } from './pages/pros-cons-page.ts';
import { axeOn } from './support/axe.ts';
import { activityWithContributor, screenshots, signedIn } from './support/web-relay.ts';

/**
 * Issue 13, finding 9: a removal on a board is followed by a short notice with Undo,
 * announced, in the person's language, reachable from the keyboard; Undo puts back for
 * everyone what this person removed, someone else's entry included (SPEC W10).
 */
const world = activityWithContributor('Lyon shop', 'Should we open a shop in Lyon in 2027?');

async function two(browser: Browser, brunoLocale = 'en-GB') {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  // axe-core is injected as a script: Bruno's page lets it past the client's CSP.
  const b = await signedIn(browser, world.relay.url, world.contributor, brunoLocale, { bypassCSP: true });
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: brunoLocale.startsWith('fr') ? 'Activités' : 'Activities' }).waitFor();
  const alice = new ActivityPage(a.page);
  const bruno = new ActivityPage(b.page);
  await alice.open(world.relay.url, world.activityId);
  await bruno.open(world.relay.url, world.activityId);
  return { alice, bruno, close: async () => Promise.all([a.context.close(), b.context.close()]) };
}

test("Bruno deletes Alice's item from the keyboard, is offered Undo in French, and both get it back", async ({ browser }) => {
  const { alice, bruno, close } = await two(browser, 'fr-FR');
  await alice.addItem('strengths', 'Loyal customers');
  const brunos = bruno.page.getByTestId('quadrant-strengths').getByTestId('swot-item').filter({ hasText: 'Loyal customers' });
  await expect(brunos).toBeVisible();

  await brunos.getByRole('button', { name: 'Supprimer l’élément « Loyal customers »', exact: true }).focus();
  await bruno.page.keyboard.press('Enter');
  await expect(alice.item('strengths', 'Loyal customers')).toHaveCount(0);
  const notice = bruno.page.getByTestId('undo-notice');
  await expect(notice.getByRole('status')).toHaveText('Supprimé : « Loyal customers ».');
  const undo = notice.getByRole('button', { name: 'Annuler', exact: true });
  // The removal took the focus away with its button: it is on Undo now.
  await expect(undo).toBeFocused();
  const violations = await axeOn(bruno.page);
  expect(violations.map((v) => `${v.impact} ${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  await bruno.page.setViewportSize({ width: 390, height: 844 });
  await expect(undo).toBeInViewport();
  await bruno.page.screenshot({ path: path.join(screenshots, 'undo-notice-fr-phone.png') });

  await bruno.page.keyboard.press('Enter');
  await expect(notice.getByRole('status')).toHaveText('Annulé : c’est de retour, pour tout le monde.');
  await expect(alice.item('strengths', 'Loyal customers')).toBeVisible();
  await expect(alice.item('strengths', 'Loyal customers')).toContainText('Alice Durand');
  await expect(brunos).toContainText('Alice Durand');
  // The relay took the put-back: no rollback, no refusal shown.
  await expect(bruno.connection()).toHaveAttribute('data-state', 'live');
  await expect(bruno.page.getByRole('alert')).toHaveCount(0);
  await expect(notice.getByRole('status')).toHaveText('', { timeout: 10_000 });
  await close();
});

test('the facilitator removes an option with its pros and cons, confirms, undoes: Bruno gets them back', async ({ browser }) => {
  const { alice, bruno, close } = await two(browser);
  const aliceBoards = new ProsConsPage(alice.page);
  const brunoBoards = new ProsConsPage(bruno.page);
  await aliceBoards.addBoard();
  await aliceBoards.addOption('Rent a shop');
  await brunoBoards.addItem('Rent a shop', 'pro', 'Customers see the products');
  await brunoBoards.addItem('Rent a shop', 'con', 'Rent is high');

  await aliceBoards.option('Rent a shop').getByRole('button', { name: 'Remove option "Rent a shop" and its pros and cons', exact: true }).click();
  const confirm = aliceBoards.option('Rent a shop').getByRole('alertdialog');
  await expect(confirm).toContainText('Remove “Rent a shop” with its 1 pro and 1 con? They are taken off the board for everyone.');
  await confirm.getByRole('button', { name: 'Yes, remove', exact: true }).click();
  await expect(brunoBoards.option('Rent a shop')).toHaveCount(0);

  const notice = alice.page.getByTestId('undo-notice');
  await expect(notice.getByRole('status')).toHaveText('Removed the option “Rent a shop” with its pros and cons.');
  await notice.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(notice.getByRole('status')).toHaveText('Undone: it is back, for everyone.');
  await expect(brunoBoards.item('Rent a shop', 'pro', 'Customers see the products')).toBeVisible();
  await expect(brunoBoards.item('Rent a shop', 'con', 'Rent is high')).toContainText('Bruno Martin');
  await expect(alice.connection()).toHaveAttribute('data-state', 'live');
  await close();
});
