import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { frenchWorld } from './support/french-world.ts';
import { organisation, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13, finding 3: Chromium draws a date field and a file input's "Choose File" in its
 * own language, whatever the page's. Each date field says the chosen day in words in the
 * app's language beside it (and to screen readers), and each file picker is a button in the
 * app's language over a visually hidden native input, with the chosen file's name.
 */
let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

/** One relay, organisation and French world for the file's tests, made by the first that needs them. */
let made: Promise<{ base: string; org: Awaited<ReturnType<typeof organisation>>; world: Awaited<ReturnType<typeof frenchWorld>> }> | undefined;
function ready() {
  made ??= (async () => {
    relay = await startWebRelay();
    const org = await organisation(relay.url);
    return { base: relay.url, org, world: await frenchWorld(relay.url, org.admin) };
  })();
  return made;
}

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A native file input hidden to the eye (1 px, clipped) under a visible button. */
async function hiddenInput(input: Locator) {
  const box = await input.boundingBox();
  expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
}

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('in French on a phone, file pickers are French buttons naming the chosen file, and date fields say their day in French', async ({ browser }) => {
  test.setTimeout(120_000);
  const { base, org, world } = await ready();
  const { context, page } = await signedIn(browser, base, org.alice, 'fr-FR', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.getByRole('heading', { name: 'Activités' }).waitFor();

  // The decision form's review date, and the poll's deadline (a week ahead by default, then typed).
  await page.goto(`${base}/#/activities/${world.meetingId}/decide`);
  const decision = page.getByRole('form', { name: 'Publier la décision' });
  const review = decision.getByLabel('Date de revue', { exact: true });
  await review.fill('2026-12-08');
  await expect(decision.getByText('mardi 8 décembre 2026', { exact: true })).toBeVisible();
  await expect(review).toHaveAccessibleDescription('mardi 8 décembre 2026');
  await page.getByRole('button', { name: 'Nouveau vote' }).click();
  const poll = page.getByRole('form', { name: 'Nouveau vote' });
  const deadline = poll.getByLabel('Échéance', { exact: true });
  await expect(deadline).toHaveAccessibleDescription(/^\p{Ll}+ \d{1,2} \p{Ll}+ \d{4} à \d{2}:\d{2}/u);
  await deadline.fill('2026-12-08T09:30');
  await expect(poll.getByText('mardi 8 décembre 2026 à 09:30', { exact: true })).toBeVisible();
  expect(await fits(page)).toBe(true);
  await page.screenshot({ path: path.join(screenshots, 'pickers-decide-fr-390.png'), fullPage: true });

  // A time of day, which Chromium here writes 10:00 PM: the SMS quiet hours.
  await page.goto(`${base}/#/sms/provider`);
  const quiet = page.getByLabel('Heures calmes de', { exact: true });
  await quiet.fill('22:00');
  await expect(quiet).toHaveAccessibleDescription('22:00');

  // A new action item's due day, on the meeting's board.
  await page.goto(`${base}/#/activities/${world.meetingId}`);
  const actions = page.getByTestId('action-items-board');
  await actions.getByLabel('Échéance', { exact: true }).fill('2099-03-15');
  await expect(actions.getByText('dimanche 15 mars 2099', { exact: true })).toBeVisible();

  // The idea's photo: a French button, the native input out of sight, then the chosen file's name.
  await page.goto(`${base}/#/ideas/${world.boxId}`);
  await page.getByRole('button', { name: 'Proposer une idée' }).click();
  const idea = page.getByRole('form', { name: 'Votre idée' });
  await expect(idea.getByText('Choisir une photo', { exact: true })).toBeVisible();
  await expect(idea.getByText('Aucune photo choisie', { exact: true })).toBeVisible();
  // Its sizes are written the French way (0.0 Mo before).
  await expect(idea.locator('.field-hint').filter({ hasText: 'JPEG' })).toContainText('5 Mo au plus ; vos photos occupent 0 de vos 250 Mo.');
  const photo = idea.getByLabel('Photo (facultative)');
  await hiddenInput(photo);
  await photo.setInputFiles({ name: 'banc.png', mimeType: 'image/png', buffer: png });
  await expect(idea.getByText('banc.png', { exact: true })).toBeVisible();
  expect(await fits(page)).toBe(true);
  await page.screenshot({ path: path.join(screenshots, 'pickers-idea-fr-390.png'), fullPage: true });

  // A figure's CSV import.
  await page.goto(`${base}/#/figures/${world.figureId}`);
  const csv = page.getByRole('form', { name: 'Importer un CSV' });
  await expect(csv.getByText('Choisir un fichier CSV', { exact: true })).toBeVisible();
  await expect(csv.getByText('Aucun fichier choisi', { exact: true })).toBeVisible();
  const file = csv.getByLabel('Fichier CSV');
  await hiddenInput(file);
  await file.setInputFiles({ name: 'ventes.csv', mimeType: 'text/csv', buffer: Buffer.from('Date;Valeur\n2026-11-20;10\n') });
  await expect(csv.getByText('ventes.csv', { exact: true })).toBeVisible();
  await expect(csv.getByRole('button', { name: 'Importer', exact: true })).toBeEnabled();
  await context.close();
});

test('in English on a laptop, the review date reads in English', async ({ browser }) => {
  const { base, org, world } = await ready();
  const { context, page } = await signedIn(browser, base, org.alice, 'en-GB', { viewport: { width: 1366, height: 900 } });
  await page.getByRole('heading', { name: 'Activities' }).waitFor();
  await page.goto(`${base}/#/activities/${world.meetingId}/decide`);
  const decision = page.getByRole('form', { name: 'Publish the decision' });
  await decision.getByLabel('Review date', { exact: true }).fill('2026-12-08');
  await expect(decision.getByText('Tuesday, December 8, 2026', { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'pickers-decide-en-1366.png'), fullPage: true });
  await context.close();
});
