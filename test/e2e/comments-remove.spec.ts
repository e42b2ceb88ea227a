import { expect, test } from '@playwright/test';
import { ActivityPage } from './pages/activity-page.ts';
import { activityWithContributor, signedIn } from './support/web-relay.ts';

const world = activityWithContributor('Rennes warehouse', 'Move the Rennes warehouse?');

test('SPEC W4: an author removes their own comment, a facilitator anyone’s; both see “removed by”, in English and French', async ({ browser }) => {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  const b = await signedIn(browser, world.relay.url, world.contributor, 'fr-FR');
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activités' }).waitFor();
  const alice = new ActivityPage(a.page);
  await alice.open(world.relay.url, world.activityId);
  await b.page.goto(`${world.relay.url}/#/activities/${world.activityId}`);
  await expect(b.page.getByTestId('connection')).toHaveAttribute('data-state', 'live');

  // Bruno (French) writes two comments; Alice writes one.
  const brunoWrites = async (text: string) => {
    await b.page.getByRole('textbox', { name: 'Écrire un commentaire' }).click();
    await b.page.keyboard.type(text);
    await b.page.getByTestId('comments').getByRole('button', { name: 'Commenter', exact: true }).click();
    await expect(alice.comments().filter({ hasText: text })).toBeVisible();
  };
  await brunoWrites('Le loyer baisse en 2027');
  await brunoWrites('Trop loin du périphérique');
  await alice.writeComment('Rennes is our second market');
  const brunoCard = (page: typeof a.page, text: string) => page.getByTestId('comment').filter({ hasText: text });

  // A contributor may not remove someone else's comment: no button on Alice's.
  await expect(brunoCard(b.page, 'Rennes is our second market')).toBeVisible();
  await expect(brunoCard(b.page, 'Rennes is our second market').getByRole('button', { name: /^Retirer/ })).toHaveCount(0);

  // Bruno removes his own first comment: two clicks, then both see the trace.
  const own = brunoCard(b.page, 'Le loyer baisse en 2027');
  await own.getByRole('button', { name: 'Retirer le commentaire de Bruno Martin' }).click();
  await own.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(b.page.getByTestId('comment').filter({ hasText: 'Retiré par Bruno Martin,' })).toBeVisible();
  await expect(b.page.getByText('Le loyer baisse en 2027')).toHaveCount(0);
  await expect(alice.comments().filter({ hasText: 'Removed by Bruno Martin,' })).toBeVisible();
  await expect(a.page.getByText('Le loyer baisse en 2027')).toHaveCount(0);

  // Alice, facilitator, removes Bruno's second comment; the relay accepts it (no rollback).
  const other = alice.comments().filter({ hasText: 'Trop loin du périphérique' });
  await other.getByRole('button', { name: 'Remove the comment by Bruno Martin' }).click();
  await other.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(b.page.getByTestId('comment').filter({ hasText: `Retiré par ${world.org.alice.name},` })).toBeVisible();
  await expect(alice.comments().filter({ hasText: `Removed by ${world.org.alice.name},` })).toBeVisible();

  // After a reload (the relay's copy), the traces are still there and Alice's comment is untouched.
  await a.page.reload();
  await alice.live();
  await expect(alice.comments().filter({ hasText: 'Removed by' })).toHaveCount(2);
  await expect(alice.comments().filter({ hasText: 'Rennes is our second market' })).toBeVisible();
  await Promise.all([a.context.close(), b.context.close()]);
});
