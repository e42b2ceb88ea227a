import { expect, test } from '@playwright/test';
import path from 'node:path';
import { addSmsMember, waitUntil } from '../support/sms.ts';
import { TestSmsc } from '../support/smsc.ts';
import { Api, password } from '../support/api.ts';
import { startRelayProcess, type RelayProcess } from '../support/relay.ts';
import { IdeaPage } from './pages/idea-box-page.ts';
import { organisation, person, screenshots, signedIn, stopWebRelay, webRoot } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let smsc: TestSmsc | undefined;
test.beforeAll(async () => {
  smsc = new TestSmsc();
  relay = await startRelayProcess({
    env: { CONCLAVE_WEB_ROOT: webRoot, SMS_PROVIDER: 'smpp', SMPP_URL: await smsc.listen(), SMS_QUIET_START: '00:00', SMS_QUIET_END: '00:00' },
  });
});
test.afterAll(async () => {
  await stopWebRelay(relay);
  await smsc?.close();
});

test('a facilitator on a phone approves an idea held for moderation, studies it, and the decision answers its author by SMS', async ({ browser }) => {
  const base = relay!.url;
  const { admin } = await organisation(base);
  const fiona = await person(admin, 'Fiona Facilitator');
  await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78');
  const bob = new Api(base, (await new Api(base).ok<{ token: string }>('POST', '/api/session', { email: 'bob.martin@durand.example', password })).token);
  const carol = await person(admin, 'Carol Petit');
  const { id: boxId } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', {
    kind: 'ideas',
    title: 'If you were us',
    question: 'If you were us, what would you do?',
    categories: ['Loyalty', 'Environment'],
  });
  await fiona.api.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: true });
  const { id: ideaId } = await bob.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, {
    title: 'Refill station for detergents',
    text: 'Customers bring their own bottles.',
    category: 'Environment',
  });

  // On a phone, the facilitator finds the idea in the inbound queue.
  const facilitator = await signedIn(browser, base, fiona, 'en-GB', { viewport: { width: 390, height: 844 } });
  const page = facilitator.page;
  await page.goto(`${base}/#/ideas/${boxId}`);
  const queues = page.getByTestId('idea-queues');
  await expect(queues.locator('[data-queue="inbound"] summary')).toHaveText('Inbound (1)');
  await queues.getByRole('link', { name: 'Refill station for detergents' }).click();
  const idea = new IdeaPage(page);
  await expect(page.getByTestId('idea-pending')).toBeVisible();
  // Nobody else sees it yet.
  expect((await carol.api.call('GET', `/api/ideas/${ideaId}`)).status).toBe(404);

  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('idea-pending')).toBeHidden();
  await carol.api.ok('POST', `/api/ideas/${ideaId}/votes`);
  // Nothing overflows the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: path.join(screenshots, 'idea-moderation-phone.png'), fullPage: true });

  // "Study this idea" opens an activity from the idea, written in the organisation's language (French here).
  await page.reload();
  await page.getByRole('button', { name: 'Study this idea' }).click();
  await expect(page.getByRole('heading', { name: 'Étude : Refill station for detergents' })).toBeVisible();
  const activityId = /#\/activities\/([^/]+)/.exec(page.url())![1]!;
  await page.goto(`${base}/#/activities/${activityId}/decide`);
  const form = page.getByRole('form', { name: 'Publish the decision' });
  await expect(form.getByText(/This activity studies the idea “Refill station for detergents”/)).toBeVisible();
  await form.getByLabel('Outcome').fill('We install refill stations.');
  const reason = 'Tested in two stores: customers came back for refills.';
  await form.getByLabel('Rationale').fill(reason);
  await form.getByRole('radio', { name: 'Accepted' }).check();
  await form.getByRole('button', { name: 'Publish the decision' }).click();
  await expect(page.getByTestId('decision-idea')).toHaveText('Studied idea: Refill station for detergents (Accepted)');

  // The author is answered, with the reason, in the app and by SMS.
  const sms = await waitUntil(async () => smsc!.messages().find((m) => m.destination === '33612345678' && m.text.includes('acceptée')), 'the SMS to Bob');
  expect(sms.text).toBe(`Conclave - votre idée "Refill station for detergents" est acceptée. Raison : ${reason}`);
  await idea.open(base, boxId, ideaId);
  await expect(idea.status()).toHaveText('Accepted');
  await expect(page.getByTestId('idea-reason')).toContainText(reason);
  await facilitator.context.close();
});
