import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { password } from '../support/api.ts';
import type { RelayProcess } from '../support/relay.ts';
import type { TestSmtp } from '../support/smtp.ts';
import { CampaignPage } from './pages/campaign-page.ts';
import { screenshots, withMailWebRelay, type MailWebRelay } from './support/web-relay.ts';

/**
 * A participant's own profile on a campaign's public page (issue 18), in Chromium on a
 * phone (390×844), in French then in English, against a real relay mailing through an
 * SMTP server on loopback: she changes her name, agrees to be named and turns off the
 * answers by e-mail, changes her address through the link sent to it, downloads her data, and erases her account with her password.
 * Screenshots `test-results/screenshots/campaign-profile-*.png`.
 */
let relay: RelayProcess;
let smtp: TestSmtp;
let org: MailWebRelay['org'];
withMailWebRelay((world) => {
  ({ relay, smtp, org } = world);
});

const shot = (name: string) => ({ path: path.join(screenshots, `campaign-profile-${name}.png`), fullPage: true });

test('a participant changes her profile, downloads her data and erases her account from her phone', async ({ browser }) => {
  const base = relay.url;
  await org.admin.ok('POST', '/api/activities', {
    kind: 'ideas',
    title: 'Si j’étais Maison Durand…',
    question: 'Si vous étiez à notre place, que feriez-vous pour nos magasins ?',
    categories: ['Bien manger', 'Enfants'],
    publicSlug: 'mon-profil',
  });
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const campaign = new CampaignPage(page);
  await campaign.open(base, 'mon-profil');
  await expect(page.getByRole('button', { name: 'Mon profil' })).toBeHidden();
  await campaign.join.getByRole('form', { name: 'M’inscrire' }).getByLabel('Votre nom').fill('Chloé Cliente');
  await campaign.join.getByRole('form', { name: 'M’inscrire' }).getByLabel('E-mail').fill('chloe@client.example');
  await campaign.join.getByRole('form', { name: 'M’inscrire' }).getByLabel('Mot de passe').fill(password);
  await campaign.join.getByRole('button', { name: 'M’inscrire' }).click();
  const mail = await smtp.nthTo('chloe@client.example');
  await page.goto(mail.text.split(/\s+/).find((word) => word.startsWith('http') && word.includes('#/confirm/'))!);
  await expect(page.getByText('Connecté : Chloé Cliente')).toBeVisible();
  await campaign.proposeIdea('Un coin goûter', 'Des fruits à la caisse.', 'Enfants', { name: 'vide.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(campaign.status).toHaveText('Merci : votre idée est publiée.');
  await expect(campaign.idea('Un coin goûter').getByText(/^par /)).toHaveCount(0);

  await page.getByRole('button', { name: 'Mon profil' }).click();
  const profile = page.getByRole('region', { name: 'Mon profil' });
  await expect(profile.getByLabel('Nom affiché')).toHaveValue('Chloé Cliente');
  await expect(profile.getByLabel('Afficher mon nom avec mes idées et mes commentaires, et au palmarès')).not.toBeChecked();
  await expect(profile.getByLabel('Recevoir par e-mail les réponses à mes idées')).toBeChecked();
  await profile.getByLabel('Nom affiché').fill('Chloé C.');
  await profile.getByLabel('Afficher mon nom avec mes idées et mes commentaires, et au palmarès').check();
  await profile.getByLabel('Recevoir par e-mail les réponses à mes idées').uncheck();
  await profile.getByRole('button', { name: 'Enregistrer mon profil' }).click();
  await expect(campaign.status).toHaveText('Votre profil est enregistré.');
  await expect(page.getByText('Connecté : Chloé C.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot(shot('fr-phone'));
  await page.reload();
  await expect(campaign.idea('Un coin goûter').getByText('par Chloé C.')).toBeVisible();
  await page.getByRole('button', { name: 'Mon profil' }).click();
  await expect(profile.getByLabel('Recevoir par e-mail les réponses à mes idées')).not.toBeChecked();
  await expect(profile.getByLabel('Afficher mon nom avec mes idées et mes commentaires, et au palmarès')).toBeChecked();

  const [download] = await Promise.all([page.waitForEvent('download'), profile.getByRole('button', { name: 'Télécharger mes données' }).click()]);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as { person: { name: string; namedPublicly: boolean }; ideas: { title: string }[] };
  expect([data.person.name, data.person.namedPublicly, data.ideas.map((i) => i.title)]).toEqual(['Chloé C.', true, ['Un coin goûter']]);
  await expect(campaign.status).toHaveText('Vos données sont téléchargées.');

  // A new address: the link goes to it and back to this page, which confirms it.
  await profile.getByLabel('Nouvelle adresse').fill('chloe.c@client.example');
  await profile.getByLabel('Votre mot de passe', { exact: true }).fill(password);
  await profile.getByRole('button', { name: 'Changer mon adresse' }).click();
  await expect(campaign.status).toHaveText('Ouvrez le lien envoyé à chloe.c@client.example : votre adresse change alors.');
  const change = await smtp.nthTo('chloe.c@client.example');
  await page.goto(change.text.split(/\s+/).find((word) => word.startsWith('http') && word.includes('#/confirm-email/'))!);
  await expect(campaign.status).toHaveText('Votre adresse est désormais chloe.c@client.example.');
  expect(new URL(page.url()).hash).toBe('');

  // The same profile in English.
  await page.goto(`${base}/ideas/mon-profil?lang=en`);
  await page.getByRole('button', { name: 'My profile' }).click();
  const english = page.getByRole('region', { name: 'My profile' });
  await expect(english.getByLabel('Show my name with my ideas and comments, and in the hall of fame')).toBeChecked();
  await english.getByText('Erase my account', { exact: true }).click();
  await english.getByLabel('Your password, to confirm').fill('not my password at all');
  await english.getByRole('button', { name: 'Erase my account for good' }).click();
  await expect(campaign.status).toHaveText('Wrong e-mail or password.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot(shot('en-phone'));
  await english.getByLabel('Your password, to confirm').fill(password);
  await english.getByRole('button', { name: 'Erase my account for good' }).click();
  await expect(campaign.status).toHaveText('Your account is erased. Thank you for taking part.');
  await expect(page.getByRole('region', { name: 'Take part' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'My profile' })).toBeHidden();
  await page.reload();
  await expect(campaign.idea('Un coin goûter')).toBeVisible();
  await expect(page.getByText('Chloé')).toHaveCount(0);
  expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  await context.close();
});
