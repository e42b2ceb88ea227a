import { expect, test, type Page } from '@playwright/test';
import { ActivityPage } from './pages/activity-page.ts';
import { activityWithContributor, signedIn } from './support/web-relay.ts';

const world = activityWithContributor('Brest depot', 'Close the Brest depot in 2027?');

/**
 * A tampered client: the page is told its person facilitates the activity (the answer of
 * GET /api/activities/:id is rewritten), so it offers what the relay keeps for facilitators.
 */
async function believesFacilitator(page: Page) {
  await page.route(/\/api\/activities\/[\w-]+$/, async (route) => {
    const response = await route.fetch();
    const activity = (await response.json()) as { myRole: string };
    await route.fulfill({ response, json: { ...activity, myRole: 'facilitator' } });
  });
}

test('SPEC W4, W8: a tampered client removing another’s comment is rolled back by the relay, with the reason in French then English', async ({ browser }) => {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  const b = await signedIn(browser, world.relay.url, world.contributor, 'fr-FR');
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activités' }).waitFor();
  await believesFacilitator(b.page);
  const alice = new ActivityPage(a.page);
  await alice.open(world.relay.url, world.activityId);
  await alice.writeComment('Brest ships to the islands');
  await b.page.goto(`${world.relay.url}/#/activities/${world.activityId}`);
  await expect(b.page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(b.page.getByText('Votre rôle : Animateur')).toBeVisible();

  // Bruno removes Alice's comment: his page shows the trace a moment, the relay refuses it (W4).
  const comment = b.page.getByTestId('comment').filter({ hasText: 'Brest ships to the islands' });
  await comment.getByRole('button', { name: 'Retirer le commentaire de Alice Durand' }).click();
  await b.page.getByRole('button', { name: 'Oui, retirer' }).click();
  const notice = b.page.getByTestId('read-only');
  await expect(notice).toHaveText(
    'Le relais a refusé votre modification et a remis l’activité comme il l’a : un commentaire n’est retiré que par son auteur ou un animateur.',
  );
  // Rolled back: the comment is whole again on his page, live, and never left Alice's.
  await expect(b.page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await expect(comment.getByText('Brest ships to the islands')).toBeVisible();
  await expect(b.page.getByText(/Retiré par/)).toHaveCount(0);
  await expect(alice.comments().filter({ hasText: 'Brest ships to the islands' })).toBeVisible();
  await expect(a.page.getByText(/Removed by/)).toHaveCount(0);

  // The reason follows the language chosen.
  await b.page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(notice).toHaveText(
    'The relay refused your change and put the activity back as it has it: a comment is removed only by its author or a facilitator.',
  );
  // The relay's copy, read afresh, agrees.
  await a.page.reload();
  await alice.live();
  await expect(alice.comments().filter({ hasText: 'Brest ships to the islands' })).toBeVisible();
  await expect(a.page.getByText(/Removed by/)).toHaveCount(0);
  await Promise.all([a.context.close(), b.context.close()]);
});
