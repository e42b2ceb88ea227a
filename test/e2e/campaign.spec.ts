import { expect, test } from '@playwright/test';
import path from 'node:path';
import { password } from '../support/api.ts';
import { plainJpeg } from '../support/images.ts';
import type { RelayProcess } from '../support/relay.ts';
import type { TestSmtp } from '../support/smtp.ts';
import { CampaignPage } from './pages/campaign-page.ts';
import { screenshots, signedIn, withMailWebRelay, type MailWebRelay } from './support/web-relay.ts';

/**
 * Issue 18 end to end, in Chromium on a phone (390×844), in French, against a real relay
 * that mails through an SMTP server on loopback: a customer opens a published idea box's
 * page, signs up, confirms through the e-mailed link, proposes an idea with a photo and
 * votes for another one. Screenshots `test-results/screenshots/campaign-*.png`.
 */
let relay: RelayProcess;
let smtp: TestSmtp;
let org: MailWebRelay['org'];
withMailWebRelay((world) => {
  ({ relay, smtp, org } = world);
});

const shot = (name: string) => ({ path: path.join(screenshots, `campaign-${name}.png`), fullPage: true });

test('a customer signs up on the public page on her phone, confirms by e-mail, proposes with a photo and votes', async ({ browser }) => {
  const base = relay.url;
  const { id: boxId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    kind: 'ideas',
    title: 'Si j’étais Maison Durand…',
    question: 'Si vous étiez à notre place, que feriez-vous pour nos magasins ?',
    categories: ['Bien manger', 'Enfants', 'Fidélité', 'Environnement', 'Courses'],
    publicSlug: 'si-j-etais-durand',
  });
  await org.admin.ok('POST', `/api/activities/${boxId}/ideas`, { title: 'Un rayon vrac', text: 'Moins d’emballages.', category: 'Environnement' });

  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const campaign = new CampaignPage(page);
  await campaign.open(base, 'si-j-etais-durand');
  await expect(page.getByRole('heading', { name: 'Si j’étais Maison Durand…', level: 1 })).toBeVisible();
  await expect(campaign.idea('Un rayon vrac').getByText('0 vote')).toBeVisible();
  await expect(campaign.join).toBeVisible();
  await page.screenshot(shot('stranger-fr-phone'));

  // Signing up is answered the same for anyone: the e-mail carries the link.
  await campaign.signUp('Chloé Cliente', 'chloe@client.example', password);
  await expect(campaign.status).toHaveText('Consultez vos e-mails : ouvrez le lien envoyé pour confirmer votre adresse. Rien n’est publié avant.');
  const mail = await smtp.nthTo('chloe@client.example');
  const link = mail.text.split(/\s+/).find((word) => word.startsWith('http') && word.includes('#/confirm/'));
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(campaign.status).toHaveText('Votre adresse est confirmée : vous pouvez proposer des idées et voter.');
  await expect(campaign.propose).toBeVisible();
  await expect(page.getByText('Connecté : Chloé Cliente')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');

  // The photo picker is a French button over the browser's own (hidden to the eye), naming the chosen file.
  await expect(campaign.propose.getByText('Choisir une photo', { exact: true })).toBeVisible();
  await expect(campaign.propose.getByText('Aucune photo choisie', { exact: true })).toBeVisible();
  const photoInput = campaign.propose.getByLabel('Photo (facultative)');
  const box = await photoInput.boundingBox();
  expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
  await photoInput.setInputFiles({ name: 'gouter.jpg', mimeType: 'image/jpeg', buffer: plainJpeg });
  await expect(campaign.propose.getByText('gouter.jpg', { exact: true })).toBeVisible();
  await campaign.proposeIdea('Un coin goûter', 'Des fruits pour les enfants à la caisse, à la place des bonbons.', 'Enfants', {
    name: 'gouter.jpg',
    mimeType: 'image/jpeg',
    buffer: plainJpeg,
  });
  await expect(campaign.status).toHaveText('Merci : votre idée est publiée.');
  const mine = campaign.idea('Un coin goûter');
  await expect(mine.getByText('par Chloé Cliente')).toBeVisible();
  await expect(mine.getByRole('img', { name: 'Photo : Un coin goûter' })).toBeVisible();
  await expect(mine.getByText('Nouvelle')).toBeVisible();
  // No vote for one's own idea.
  await expect(mine.getByRole('button', { name: /^Vot/ })).toHaveCount(0);
  // She may comment on it, as on any idea.
  await expect(mine.getByRole('button', { name: 'Commenter' })).toBeVisible();

  await campaign.vote('Un rayon vrac');
  await expect(campaign.idea('Un rayon vrac').getByText('1 vote')).toBeVisible();
  await page.reload();
  await expect(campaign.idea('Un rayon vrac').getByRole('button', { name: 'Voté ✓ (retirer)' })).toBeVisible();
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot(shot('participant-fr-phone'));
  expect(errors).toEqual([]);
  await context.close();
});

test('a facilitator publishes an idea box from the app, reads its public page, and unpublishes it', async ({ browser }) => {
  const base = relay.url;
  const { id: boxId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    kind: 'ideas',
    title: 'Idées pour Lyon',
    question: 'Que feriez-vous pour notre magasin de Lyon ?',
    categories: ['Courses'],
  });
  const { page, context } = await signedIn(browser, base, org.alice);
  await page.goto(`${base}/#/ideas/${boxId}`);
  await page.getByRole('button', { name: 'Public campaign' }).click();
  const panel = page.getByRole('region', { name: 'Public campaign' });
  await expect(panel.getByRole('status')).toHaveText('Not published: only the organisation sees this box.');
  await panel.getByLabel('Public address').fill('Idées Lyon');
  await panel.getByRole('button', { name: 'Publish' }).click();
  await expect(panel.getByText('a public address uses lower-case letters')).toBeVisible();
  await panel.getByLabel('Public address').fill('si-j-etais-durand');
  await panel.getByRole('button', { name: 'Publish' }).click();
  await expect(panel.getByRole('alert')).toHaveText('The public address "si-j-etais-durand" is already taken by another idea box: choose another.');
  await panel.getByLabel('Public address').fill('idees-lyon');
  await panel.getByRole('button', { name: 'Publish' }).click();
  await expect(panel.getByRole('link', { name: `${base}/ideas/idees-lyon` })).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(`${base}/ideas/idees-lyon?lang=en`);
  await expect(reader.getByRole('heading', { name: 'Idées pour Lyon', level: 1 })).toBeVisible();
  await expect(reader.getByText('No idea yet: be the first to propose one.')).toBeVisible();

  await panel.getByRole('button', { name: 'Unpublish' }).click();
  await expect(panel.getByRole('status')).toHaveText('Not published: only the organisation sees this box.');
  expect((await reader.goto(`${base}/ideas/idees-lyon?lang=en`))?.status()).toBe(404);
  await reader.close();
  await context.close();
});
