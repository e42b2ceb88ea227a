import { expect, test } from '@playwright/test';
import { AgendaPage } from './pages/agenda-page.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { activityWithContributor, signedIn } from './support/web-relay.ts';

const world = activityWithContributor('Monday meeting', 'What do we settle this week?');

test('agenda: the facilitator runs the timer, a member on a phone in French sees the item, the time left, then over time; both type in one item’s notes at once', async ({ browser }) => {
  const a = await signedIn(browser, world.relay.url, world.org.alice);
  const b = await signedIn(browser, world.relay.url, world.contributor, 'fr-FR', { viewport: { width: 390, height: 844 } });
  await a.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await b.page.getByRole('heading', { name: 'Activités' }).waitFor();
  await b.page.clock.install();
  await b.page.reload();
  await new ActivityPage(a.page).open(world.relay.url, world.activityId);
  await new ActivityPage(b.page).open(world.relay.url, world.activityId);
  const alice = new AgendaPage(a.page);
  const bruno = new AgendaPage(b.page, true);

  await a.page.getByRole('button', { name: 'Add an agenda', exact: true }).click();
  await alice.addItem('Budget', 5, 'Alice');
  await bruno.addItem('Recrutement', 10);
  await expect(alice.item('Recrutement')).toBeVisible();
  await expect(b.page.getByTestId('agenda-planned')).toHaveText('15 minutes prévues');
  await expect(b.page.getByTestId('agenda-idle')).toHaveText('Le minuteur n’a pas démarré.');
  // The timer is the facilitator's: the member has none of its controls.
  await expect(b.page.getByRole('button', { name: 'Démarrer l’ordre du jour' })).toHaveCount(0);

  await a.page.getByRole('button', { name: 'Start the agenda', exact: true }).click();
  await expect(bruno.current()).toHaveText('Budget');
  await expect(bruno.left()).toHaveText(/^encore [45]:\d\d$/);
  await expect(bruno.left()).toHaveAttribute('data-over', 'false');
  await expect(bruno.item('Budget')).toHaveAttribute('aria-current', 'step');

  await bruno.item('Budget').getByLabel('Notes sur « Budget »').fill('Demander le chiffrage à la finance');
  await bruno.item('Budget').getByLabel('Notes sur « Budget »').blur();
  await expect(alice.item('Budget').getByLabel('Notes on "Budget"')).toHaveValue('Demander le chiffrage à la finance');
  // Both type in the same notes at once, Bruno at the start and Alice at the end: each keeps
  // their words, and each caret stays in the text they typed while the other's arrive.
  const aliceNotes = alice.item('Budget').getByLabel('Notes on "Budget"');
  const brunoNotes = bruno.item('Budget').getByLabel('Notes sur « Budget »');
  await aliceNotes.focus();
  await a.page.keyboard.press('Control+End');
  await brunoNotes.focus();
  await b.page.keyboard.press('Control+Home');
  await Promise.all([aliceNotes.pressSequentially(' avant mars', { delay: 40 }), brunoNotes.pressSequentially('Urgent : ', { delay: 40 })]);
  const both = 'Urgent : Demander le chiffrage à la finance avant mars';
  await expect(aliceNotes).toHaveValue(both);
  await expect(brunoNotes).toHaveValue(both);

  // A decision taken from the item, in French on the member's phone, within its width.
  await alice.item('Budget').getByText('Decision from this item', { exact: true }).click();
  const decide = alice.item('Budget').getByRole('form', { name: 'Decision from "Budget"' });
  await decide.getByLabel('What was decided or proposed', { exact: true }).fill('Budget 2027 reconduit à l’identique, sans hausse ni baisse');
  await decide.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(bruno.item('Budget').getByTestId('agenda-decision')).toHaveText('Décidé Budget 2027 reconduit à l’identique, sans hausse ni baisse');
  await expect(bruno.item('Budget').getByRole('list', { name: 'Décisions issues de « Budget »' })).toBeVisible();

  // Six minutes later on the member's clock, the five-minute box is over time. The whole world
  // moves on, not only the phone: a device whose clock jumps alone takes the relay's time again
  // at its next sync ticket (y-websocket reconnects when its clock says no message came for 30 s),
  // so the relay's answers move on by as much.
  const later = 6 * 60_000;
  await b.page.route('**/api/activities/*/sync-ticket', async (route) => {
    try {
      const response = await route.fetch();
      const ticket = (await response.json()) as { now?: number };
      await route.fulfill({ response, json: ticket.now === undefined ? ticket : { ...ticket, now: ticket.now + later } });
    } catch {
      // The page let this request go (its socket closed meanwhile): there is nothing to answer.
    }
  });
  await b.page.clock.setSystemTime(Date.now() + later);
  await expect(bruno.left()).toHaveAttribute('data-over', 'true');
  await expect(bruno.left()).toHaveText(/^1:\d\d de dépassement$/);

  await a.page.getByRole('button', { name: 'Next: Recrutement', exact: true }).click();
  await expect(bruno.current()).toHaveText('Recrutement');
  await expect(bruno.item('Budget').getByTestId('agenda-took')).toHaveText(/^durée réelle \d+:\d\d$/);
  await a.page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(bruno.left()).toContainText('(en pause)');

  const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await a.context.close();
  await b.context.close();
});
