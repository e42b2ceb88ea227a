import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { DecidePage } from './pages/decide-page.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

test('a sealed poll in the app: members vote unseen, the facilitator reveals, publishes, members acknowledge, the record exports', async ({ browser }) => {
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  const bruno = await person(org.admin, 'Bruno Martin');
  const chloe = await person(org.admin, 'Chloé Petit');
  const question = 'Where do we open the next store?';
  const { id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Next store', question });
  for (const p of [bruno, chloe]) await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: p.id, role: 'contributor' });

  const alice = await signedIn(browser, relay.url, org.alice);
  const bob = await signedIn(browser, relay.url, bruno);
  const facilitator = new DecidePage(alice.page);
  const member = new DecidePage(bob.page);
  await facilitator.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await member.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await facilitator.open(relay.url, activityId);

  // The question gate in the form: no deadline, no poll (the form starts with one a week ahead).
  await facilitator.page.getByRole('button', { name: 'New poll' }).click();
  const form = facilitator.page.getByRole('form', { name: 'New poll' });
  await form.getByLabel('Options, one per line').fill('Lyon\nLille\nNantes');
  await expect(form.getByLabel('Deadline')).not.toHaveValue('');
  await form.getByLabel('Deadline').fill('');
  await form.getByRole('button', { name: 'Open the poll' }).click();
  await expect(form.getByRole('alert')).toContainText('deadline');
  await form.getByRole('button', { name: 'Cancel' }).click();

  await facilitator.openSinglePoll(question, ['Lyon', 'Lille', 'Nantes'], new Date(Date.now() + 86_400_000));
  await member.open(relay.url, activityId);
  await member.choose(question, 'Lille');
  const { polls } = await chloe.api.ok<{ polls: { id: string }[] }>('GET', `/api/activities/${activityId}/polls`);
  await chloe.api.ok('POST', `/api/polls/${polls[0]!.id}/votes`, { choice: 'Nantes' });

  // Before the reveal the facilitator sees who took part, not what.
  const card = facilitator.poll(question);
  await expect(card.getByTestId('participation')).toHaveText('2 of 3 have taken part: Bruno Martin, Chloé Petit', { timeout: 15_000 });
  await expect(card.getByTestId('poll-status')).toHaveText('Sealed');
  await expect(card.getByTestId('result-lines')).toHaveCount(0);

  await card.getByRole('button', { name: 'Reveal' }).click();
  await expect(card.getByRole('alertdialog')).toContainText('nobody can change their input afterwards');
  await card.getByRole('button', { name: 'Yes, reveal' }).click();
  await expect(card.getByTestId('poll-status')).toHaveText('Revealed');
  await expect(card.getByTestId('result-lines')).toContainText('Lille: 1 vote, 50%');
  await expect(card.getByTestId('result-lines')).toContainText('Tie or no majority between Lille, Nantes (most votes, 2 votes cast).');
  await facilitator.page.screenshot({ path: path.join(screenshots, 'decide-revealed.png'), fullPage: true });

  await facilitator.publish({
    outcome: 'We open in Lille in spring.',
    chosen: 'Lille',
    rationale: 'Closest to our warehouse.',
    dissent: 'Nantes has more students.',
  });
  await expect(facilitator.page.getByTestId('decision-record')).toContainText('0 of 3 acknowledged');

  await member.page.reload();
  const record = member.page.getByTestId('decision-record');
  await expect(record).toContainText('We open in Lille in spring.');
  await record.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(record).toContainText('Bruno Martin: Acknowledged in the app');
  await member.page.screenshot({ path: path.join(screenshots, 'decide-record.png'), fullPage: true });

  const [download] = await Promise.all([member.page.waitForEvent('download'), record.getByRole('button', { name: 'Export PDF' }).click()]);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  await alice.context.close();
  await bob.context.close();
});

let anonymousRelay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(anonymousRelay));

test('an anonymous poll says so before anyone votes, and that the ballot is final', async ({ browser }) => {
  const relay = (anonymousRelay = await startWebRelay());
  const org = await organisation(relay.url);
  const bruno = await person(org.admin, 'Bruno Martin');
  const question = 'Do we open the Lille store on Sundays?';
  const { id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Sunday opening', question });
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });
  const alice = await signedIn(browser, relay.url, org.alice);
  const bob = await signedIn(browser, relay.url, bruno);
  const facilitator = new DecidePage(alice.page);
  const member = new DecidePage(bob.page);
  await facilitator.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await facilitator.open(relay.url, activityId);
  await facilitator.openSinglePoll(question, ['Yes', 'No'], new Date(Date.now() + 86_400_000), { anonymous: true });

  await member.open(relay.url, activityId);
  const card = member.poll(question);
  await expect(card.locator('header')).toContainText('Anonymous');
  await expect(card.getByTestId('anonymous-before')).toHaveText('Anonymous poll: your ballot is kept without your name, and it is final once sent.');
  await card.getByRole('radio', { name: 'No' }).check();
  await card.getByRole('button', { name: 'Send' }).click();
  await expect(card.getByText('This poll is anonymous: your ballot is final.')).toBeVisible();
  await expect(card.getByTestId('anonymous-before')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Send' })).toHaveCount(0);
});
