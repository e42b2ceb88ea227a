import { expect, test, type Page } from '@playwright/test';
import { ActivityPage } from './pages/activity-page.ts';
import { ProsConsPage } from './pages/pros-cons-page.ts';
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
    'Le relais a refusé votre modification et a remis l’activité comme il l’a : un commentaire n’est retiré que par son auteur ou un animateur. ' +
      'Refusée : votre modification d’un commentaire.',
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
    'The relay refused your change and put the activity back as it has it: a comment is removed only by its author or a facilitator. ' +
      'Refused: your change to a comment.',
  );
  // The relay's copy, read afresh, agrees.
  await a.page.reload();
  await alice.live();
  await expect(alice.comments().filter({ hasText: 'Brest ships to the islands' })).toBeVisible();
  await expect(a.page.getByText(/Removed by/)).toHaveCount(0);
  await Promise.all([a.context.close(), b.context.close()]);
});

test('SPEC W9: edits made offline around one refused change survive the rollback; only the refused rename is undone, and the person is told which', async ({ browser }) => {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  const b = await signedIn(browser, world.relay.url, world.contributor);
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await believesFacilitator(b.page);
  const alice = new ActivityPage(a.page);
  const bruno = new ActivityPage(b.page);
  await alice.open(world.relay.url, world.activityId);
  await new ProsConsPage(a.page).addBoard();
  await new ProsConsPage(a.page).addOption('Open on Sundays');
  await bruno.open(world.relay.url, world.activityId);
  const option = (p: Page) => new ProsConsPage(p).page.getByTestId('pros-cons-option').getByRole('heading', { level: 3 });
  await expect(option(b.page)).toHaveText(['Open on Sundays']);

  // Offline, Bruno adds an item, renames the option (the facilitator's, W5), adds another item and a comment.
  await b.context.setOffline(true);
  await expect(bruno.connection()).toHaveAttribute('data-state', 'offline');
  await bruno.addItem('strengths', 'Ferry timetables');
  await b.page.getByRole('button', { name: 'Rename option "Open on Sundays"' }).click();
  await b.page.getByLabel('Label of option "Open on Sundays"').fill('Open every day');
  await b.page.getByLabel('Label of option "Open on Sundays"').press('Enter');
  await expect(option(b.page)).toHaveText(['Open every day']);
  await bruno.addItem('threats', 'Winter storms');
  await bruno.writeComment('Written on the ferry');

  // Back online: the relay refuses the rename alone; the rest reaches Alice.
  await b.context.setOffline(false);
  const notice = b.page.getByTestId('read-only');
  await expect(notice).toHaveText(
    'The relay refused your change and put the activity back as it has it: boards and their settings are the facilitator’s to change. ' +
      'Refused: your change to the option “Open every day”. Your 2 other changes were kept and sent.',
  );
  await expect(alice.item('strengths', 'Ferry timetables')).toBeVisible();
  await expect(alice.item('threats', 'Winter storms')).toBeVisible();
  await expect(alice.comments().filter({ hasText: 'Written on the ferry' })).toBeVisible();
  await expect(option(a.page)).toHaveText(['Open on Sundays']);
  // On Bruno's page: the relay's option, and his own edits, live.
  await bruno.live();
  await expect(option(b.page)).toHaveText(['Open on Sundays']);
  await expect(bruno.item('threats', 'Winter storms')).toBeVisible();
  await expect(bruno.comments().filter({ hasText: 'Written on the ferry' })).toBeVisible();

  await b.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(notice).toHaveText(
    'Le relais a refusé votre modification et a remis l’activité comme il l’a : les tableaux et leurs réglages relèvent de l’animateur. ' +
      'Refusée : votre modification de l’option « Open every day ». Vos 2 autres modifications ont été gardées et envoyées.',
  );
  // The relay's copy, read afresh, agrees.
  await a.page.reload();
  await alice.live();
  await expect(alice.item('threats', 'Winter storms')).toBeVisible();
  await expect(alice.comments().filter({ hasText: 'Written on the ferry' })).toBeVisible();
  await expect(option(a.page)).toHaveText(['Open on Sundays']);
  await Promise.all([a.context.close(), b.context.close()]);
});
