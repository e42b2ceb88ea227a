import { expect, test } from '@playwright/test';
import { Api, password, setUpOrganisation } from '../support/api.ts';
import { startRelayProcess, type RelayProcess } from '../support/relay.ts';
import { TestSmtp } from '../support/smtp.ts';
import { stopWebRelay, webRoot } from './support/web-relay.ts';

/**
 * A relay open to sign-ups on the Basic plan, mail through SMTP on loopback: a company
 * signs up in the browser, confirms its address from the e-mail, and hits the Basic
 * plan's open-activity limit, warned one before and told why at the limit, in English
 * and in French.
 */
let relay: RelayProcess | undefined;
const smtp = new TestSmtp();

test.beforeAll(async () => {
  await smtp.listen();
  relay = await startRelayProcess({
    env: { CONCLAVE_WEB_ROOT: webRoot, CONCLAVE_SIGNUP: 'open', CONCLAVE_DEFAULT_PLAN: 'basic', SMTP_URL: smtp.url, MAIL_FROM: 'Conclave <conclave@relay.example>' },
  });
  // The operator's own organisation, set up first: the newcomer sees the sign-in screen.
  await setUpOrganisation(relay.url);
});
test.afterAll(async () => {
  await stopWebRelay(relay);
  await smtp.close();
});

test('a company signs up, confirms its address, and sees why the Basic plan refuses a sixth open activity', async ({ page }) => {
  const base = relay!.url;
  await page.goto(base + '/');
  await page.getByRole('link', { name: 'New here? Create an organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Create your organisation' })).toBeVisible();
  await page.getByLabel('Organisation', { exact: true }).fill('Boulangerie Martin');
  await page.getByLabel('Your name', { exact: true }).fill('Bruno Martin');
  await page.getByLabel('E-mail', { exact: true }).fill('bruno@martin.example');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create the organisation' }).click();

  // Signed in on the plan screen, asked to confirm the address before inviting anyone.
  await expect(page.getByRole('heading', { name: 'Plan and usage' })).toBeVisible();
  await expect(page.getByText('Your organisation is on the Basic plan.')).toBeVisible();
  await expect(page.getByText('Confirm your e-mail address to invite people')).toBeVisible();
  const token = await smtp.tokenTo('bruno@martin.example', '/#/confirm-signup/');
  await page.goto(`${base}/#/confirm-signup/${token}`);
  await expect(page.getByText('Your address is confirmed')).toBeVisible();
  await page.getByRole('link', { name: 'Open Conclave' }).click();

  // Four activities already open (made through the API with the same session).
  const session = await page.evaluate(() => window.localStorage.getItem('conclave.session'));
  const bruno = new Api(base, session);
  for (let n = 1; n <= 4; n++) await bruno.ok('POST', '/api/activities', { title: `Question ${n}`, question: `What do we decide about point ${n}?` });

  // The fifth: warned before the limit, then accepted.
  await page.goto(`${base}/#/activities/new`);
  await expect(page.getByRole('note')).toHaveText('4 of 5 open activities — the Professional plan lifts this.');
  await page.getByLabel('Title', { exact: true }).fill('New oven');
  await page.getByLabel('Precise question', { exact: true }).fill('Which oven do we buy for the new shop?');
  await page.getByRole('button', { name: 'Create the activity' }).click();
  await expect(page.getByRole('heading', { name: 'New oven' })).toBeVisible();

  // The sixth: told where they stand, and the relay's refusal says why; nothing is created.
  await page.goto(`${base}/#/activities/new`);
  await expect(page.getByRole('note')).toContainText('You have 5 of 5 open activities');
  await page.getByLabel('Title', { exact: true }).fill('Summer hours');
  await page.getByLabel('Precise question', { exact: true }).fill('Do we open on Sundays this summer?');
  await page.getByRole('button', { name: 'Create the activity' }).click();
  await expect(
    page.getByText('The Basic plan allows 5 open activities per person, and you have 5. Decide or archive one first — the Professional plan lifts this.'),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('button', { name: 'Créer l’activité' }).click();
  await expect(
    page.getByText('Le forfait Basic permet 5 activités ouvertes par personne, et vous en avez 5. Décidez ou archivez-en une d’abord — le forfait Professional lève cette limite.'),
  ).toBeVisible();
  const { activities } = await bruno.ok<{ activities: unknown[] }>('GET', '/api/activities');
  expect(activities).toHaveLength(5);

  // The plan screen's meter stands at the limit.
  await page.goto(`${base}/#/organization`);
  await expect(page.getByRole('heading', { name: 'Forfait et consommation' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Bruno Martin/ })).toContainText('5 sur 5');
});
