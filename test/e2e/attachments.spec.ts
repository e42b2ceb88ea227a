import { expect, test } from '@playwright/test';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../support/relay.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { DecidePage } from './pages/decide-page.ts';
import { organisation, person, signedIn, webRoot } from './support/web-relay.ts';

/**
 * Files attached where they belong, in Chromium against a real relay: a member attaches the
 * budget to a comment and the offer to a SWOT item (picked, with progress); the facilitator
 * sees both as chips and opens the budget from the comment; the facilitator puts the
 * budget on the decision record, where it stays as a chip. The member is on a 390 px phone.
 */
let relay: RelayProcess | undefined;
test.beforeAll(async () => {
  relay = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot } });
});
test.afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

const offer = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const budget = Buffer.from('Poste;Montant\nLoyer;12000\nÉnergie;3400\n');

test('a member attaches files to a comment and a board item; the facilitator opens them and puts one on the decision', async ({ browser }) => {
  const base = relay!.url;
  const { admin } = await organisation(base);
  const fiona = await person(admin, 'Fiona Facilitatrice');
  const bob = await person(admin, 'Bob Martin');
  const { id } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier for the stores?' });
  await fiona.api.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });

  const member = await signedIn(browser, base, bob, 'en-GB', { viewport: { width: 390, height: 844 } });
  const board = new ActivityPage(member.page);
  await board.open(base, id);
  const composer = member.page.getByTestId('comments').getByTestId('attach-area');
  await composer.getByLabel('Attach files', { exact: true }).setInputFiles([{ name: 'budget 2027.csv', mimeType: 'text/csv', buffer: budget }]);
  await expect(composer.getByRole('button', { name: 'Open budget 2027.csv', exact: true })).toBeVisible();
  await board.writeComment('The budget is tight on energy');
  const comment = board.comments().filter({ hasText: 'The budget is tight on energy' });
  await expect(comment.getByRole('button', { name: 'Open budget 2027.csv', exact: true })).toBeVisible();
  await expect(composer.getByTestId('file-chip')).toHaveCount(0);

  await board.addItem('opportunities', 'Supplier B is cheaper');
  const item = board.item('opportunities', 'Supplier B is cheaper');
  await item.getByLabel('Attach files to “Supplier B is cheaper”', { exact: true }).setInputFiles([{ name: 'offre B.pdf', mimeType: 'application/pdf', buffer: offer }]);
  await expect(item.getByRole('button', { name: 'Open offre B.pdf', exact: true })).toBeVisible();

  const facilitator = await signedIn(browser, base, fiona);
  const seen = new ActivityPage(facilitator.page);
  await seen.open(base, id);
  await expect(seen.item('opportunities', 'Supplier B is cheaper').getByRole('button', { name: 'Open offre B.pdf', exact: true })).toBeVisible();
  const theirs = seen.comments().filter({ hasText: 'The budget is tight on energy' });
  await theirs.getByRole('button', { name: 'Open budget 2027.csv', exact: true }).click();
  const opened = facilitator.page.getByTestId('opened-file');
  await expect(opened.getByRole('columnheader', { name: 'Montant', exact: true })).toBeVisible();
  await facilitator.page.keyboard.press('Escape');
  await expect(opened).toHaveCount(0);

  const decide = new DecidePage(facilitator.page);
  await decide.open(base, id);
  await facilitator.page.getByTestId('decision-files').getByRole('checkbox', { name: /budget 2027\.csv/ }).check();
  await decide.publish({ outcome: 'Supplier B', chosen: 'Supplier B', rationale: 'Cheaper for the same service', dissent: '' });
  const onRecord = facilitator.page.getByTestId('decision-record-files');
  await expect(onRecord.getByRole('button', { name: 'Open budget 2027.csv', exact: true })).toBeVisible();
  await expect(onRecord.getByTestId('file-chip')).toHaveCount(1);

  // The phone shows it all within its 390 px.
  const width = await member.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});

let second: RelayProcess | undefined;
test.afterAll(async () => {
  await second?.stop();
  if (second) await removeDataDir(second.dataDir);
});

test('a file another member attached a moment ago shows on their comment at once, not after the next refresh of the list', async ({ browser }) => {
  second = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot } });
  const base = second.url;
  const { admin } = await organisation(base);
  const fiona = await person(admin, 'Fiona Facilitatrice');
  const bob = await person(admin, 'Bob Martin');
  const { id } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Rents', question: 'Do we renew the Lille lease?' });
  await fiona.api.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });

  // The facilitator has the activity open, its list of files read (empty), before Bob attaches anything.
  const facilitator = await signedIn(browser, base, fiona);
  const seen = new ActivityPage(facilitator.page);
  await seen.open(base, id);
  await expect(facilitator.page.getByTestId('comments')).toBeVisible();

  const member = await signedIn(browser, base, bob);
  const board = new ActivityPage(member.page);
  await board.open(base, id);
  const composer = member.page.getByTestId('comments').getByTestId('attach-area');
  await composer.getByLabel('Attach files', { exact: true }).setInputFiles([{ name: 'bail.csv', mimeType: 'text/csv', buffer: budget }]);
  await expect(composer.getByRole('button', { name: 'Open bail.csv', exact: true })).toBeVisible();
  await board.writeComment('The lease goes up 8%');

  // The list is read again every 15 s; a comment naming a file it does not hold reads it at once.
  const theirs = seen.comments().filter({ hasText: 'The lease goes up 8%' });
  await expect(theirs).toBeVisible();
  await expect(theirs.getByRole('button', { name: 'Open bail.csv', exact: true })).toBeVisible({ timeout: 5_000 });
});
