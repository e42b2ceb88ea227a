import { expect, test } from '@playwright/test';
import path from 'node:path';
import { Api, password } from '../support/api.ts';
import type { RelayProcess } from '../support/relay.ts';
import type { TestSmtp } from '../support/smtp.ts';
import { CampaignPage } from './pages/campaign-page.ts';
import { NoticesBell } from './pages/notices-bell.ts';
import { person, screenshots, signedIn, withMailWebRelay, type MailWebRelay } from './support/web-relay.ts';

/**
 * Comments on a public campaign (issue 18: participants "propose, vote and comment";
 * "facilitators hide with a reason the author sees"), in Chromium, against a real relay
 * mailing through SMTP on loopback. A customer comments on her phone in French; with
 * pre-moderation her comments wait; a facilitator approves one in the app and hides the
 * other with a reason; the public reads the approved one; the customer reads why the other
 * was hidden; she reports a comment; refusals (box closed 409, too many 429) are told in
 * words. Screenshots `test-results/screenshots/campaign-comments-*.png`.
 */
let relay: RelayProcess;
let smtp: TestSmtp;
let org: MailWebRelay['org'];
withMailWebRelay((world) => {
  ({ relay, smtp, org } = world);
});

const shot = (name: string) => ({ path: path.join(screenshots, `campaign-comments-${name}.png`), fullPage: true });
const phone = { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

async function signUpParticipant(slug: string, name: string, email: string) {
  const anon = new Api(relay.url);
  expect((await anon.call('POST', `/api/public/idea-boxes/${slug}/sign-up`, { name, email, password, showName: true })).status).toBe(202);
  const token = await smtp.tokenTo(email, `/ideas/${slug}#/confirm/`);
  const { token: session } = await anon.ok<{ token: string }>('POST', `/api/public/sign-up/${token}`);
  return anon.as(session);
}

test('a customer comments on her phone; a facilitator approves one in the app and hides the other with a reason she reads', async ({ browser }) => {
  test.setTimeout(180_000);
  const base = relay.url;
  const { id: boxId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    kind: 'ideas',
    title: 'Si j’étais Maison Durand…',
    question: 'Si vous étiez à notre place, que feriez-vous pour nos magasins ?',
    categories: ['Environnement', 'Courses'],
    publicSlug: 'avis-durand',
  });
  const { id: ideaId } = await org.admin.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Un rayon vrac', text: 'Moins d’emballages.', category: 'Environnement' });
  await org.admin.ok('POST', `/api/ideas/${ideaId}/comments`, { text: 'Nous en parlons avec le magasin de Lyon.' });
  // Pre-moderation from now on: participants' comments wait for a facilitator.
  await org.admin.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: true });
  const chloe = await signUpParticipant('avis-durand', 'Chloé Cliente', 'chloe@client.example');

  // The customer, on her phone: the team's comment is there; she signs in and comments twice.
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 4')) errors.push(message.text());
  });
  const campaign = new CampaignPage(page);
  await campaign.open(base, 'avis-durand');
  await expect(campaign.comment('Un rayon vrac', 'Nous en parlons avec le magasin de Lyon.')).toContainText('L’équipe');
  // A stranger is sent to sign up rather than shown a form.
  await expect(campaign.comments('Un rayon vrac').getByRole('button', { name: 'Inscrivez-vous pour commenter' })).toBeVisible();
  await expect(campaign.comments('Un rayon vrac').getByRole('button', { name: 'Signaler' })).toHaveCount(0);
  await campaign.signIn('chloe@client.example', password);
  await expect(page.getByText('Connecté : Chloé Cliente')).toBeVisible();

  await campaign.writeComment('Un rayon vrac', 'Et des bocaux consignés, s’il vous plaît.');
  const outcome = campaign.comments('Un rayon vrac').locator('.write-outcome');
  await expect(outcome).toHaveText('Merci : votre commentaire attend l’accord de l’équipe avant d’être visible de tous.');
  await expect(campaign.comment('Un rayon vrac', 'Et des bocaux consignés')).toContainText('En attente d’accord : seuls vous et l’équipe le voyez.');
  await campaign.writeComment('Un rayon vrac', 'Idée nulle, comme le magasin.');
  await expect(campaign.comment('Un rayon vrac', 'Idée nulle')).toContainText('En attente d’accord');
  // Reloaded (or on another device), her waiting comments are still there for her.
  await page.reload();
  await expect(campaign.comment('Un rayon vrac', 'Et des bocaux consignés')).toContainText('En attente d’accord : seuls vous et l’équipe le voyez.');
  await expect(campaign.comment('Un rayon vrac', 'Idée nulle')).toContainText('En attente d’accord');
  // Waiting comments are not public.
  const stranger = await browser.newPage();
  await stranger.goto(`${base}/ideas/avis-durand?lang=fr`);
  await expect(stranger.getByText('Nous en parlons avec le magasin de Lyon.')).toBeVisible();
  await expect(stranger.getByText('Et des bocaux consignés, s’il vous plaît.')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot(shot('waiting-fr-phone'));

  // The facilitator, in the app on her phone: the queue holds both; she approves one there, and hides the other on the idea's page.
  const { page: app, context: appContext } = await signedIn(browser, base, org.alice, 'en-GB', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await app.goto(`${base}/#/ideas/${boxId}`);
  const queues = app.getByTestId('idea-queues');
  await expect(queues.getByText('2 comments to approve')).toBeVisible();
  const queued = queues.getByTestId('queued-comment').filter({ hasText: 'Et des bocaux consignés' });
  await expect(queued).toContainText('On “Un rayon vrac”, by Chloé Cliente');
  await queued.getByRole('button', { name: 'Approve' }).click();
  await expect(queues.getByText('1 comment to approve')).toBeVisible();

  await app.goto(`${base}/#/ideas/${boxId}/idea/${ideaId}`);
  const thread = app.getByTestId('idea-comments');
  await expect(thread.getByRole('heading', { name: '3 comments' })).toBeVisible();
  const rude = thread.getByTestId('idea-comment').filter({ hasText: 'Idée nulle' });
  await expect(rude).toContainText('Waiting for a facilitator’s approval');
  await rude.getByRole('button', { name: 'Hide' }).click();
  await rude.getByRole('button', { name: 'Hide the comment' }).click();
  await expect(rude.getByText('Say why the comment is hidden: its author will read the reason.')).toBeVisible();
  await rude.getByLabel('Why it is hidden (its author will read it)').fill('Restons courtois envers les équipes.');
  await rude.getByRole('button', { name: 'Hide the comment' }).click();
  await expect(rude).toContainText('Hidden: Restons courtois envers les équipes.');
  await expect(rude.getByRole('button', { name: 'Show it again' })).toBeVisible();
  // The facilitator writes too: no approval needed.
  await thread.getByRole('textbox', { name: 'Your comment' }).fill('Merci Chloé, nous regardons les bocaux.');
  await thread.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread.getByText('Your comment is published.')).toBeVisible();
  expect(await app.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await app.screenshot(shot('facilitator-en-phone'));

  // The public reads the approved comment, under her name as she agreed; not the hidden one.
  await stranger.reload();
  const shown = new CampaignPage(stranger);
  await expect(shown.comment('Un rayon vrac', 'Et des bocaux consignés, s’il vous plaît.')).toContainText('Chloé Cliente');
  await expect(shown.comments('Un rayon vrac').getByRole('heading', { name: '3 commentaires' })).toBeVisible();
  await expect(stranger.getByText('Idée nulle, comme le magasin.')).toHaveCount(0);
  await stranger.close();

  // The customer reads what became of her comments: the hidden one with the team's reason.
  await page.reload();
  const news = page.getByRole('region', { name: 'Ce que sont devenues vos contributions' });
  await expect(news.getByText('Votre commentaire sur « Un rayon vrac » a été masqué par l’équipe. Sa raison : Restons courtois envers les équipes.')).toBeVisible();
  await expect(news.getByText('« Idée nulle, comme le magasin. »')).toBeVisible();
  await expect(news.getByText('Votre commentaire sur « Un rayon vrac » a été approuvé : tout le monde le voit.')).toBeVisible();
  await page.screenshot(shot('news-fr-phone'));
  // Under the idea, her hidden comment says so, with the reason; the public page has it no more.
  await expect(campaign.comment('Un rayon vrac', 'Idée nulle, comme le magasin.')).toContainText('Masqué par l’équipe : le public ne le voit plus. Sa raison : Restons courtois envers les équipes.');
  // Her own comment takes no report from her.
  await expect(campaign.comment('Un rayon vrac', 'Et des bocaux consignés').getByRole('button', { name: 'Signaler' })).toHaveCount(0);

  // She reports a comment, once.
  const team = campaign.comment('Un rayon vrac', 'Merci Chloé, nous regardons les bocaux.');
  await team.getByRole('button', { name: 'Signaler' }).click();
  await team.getByLabel('Pourquoi signaler ce commentaire ?').selectOption('off_topic');
  await team.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(team.getByRole('status')).toHaveText('Signalé : l’équipe va le regarder.');
  const reported = await org.admin.ok<{ comments: { reported: { text: string; reportDetails: { reason: string }[] }[] } }>('GET', `/api/activities/${boxId}/idea-queues`);
  expect(reported.comments.reported.map((c) => [c.text, c.reportDetails.map((r) => r.reason)])).toEqual([['Merci Chloé, nous regardons les bocaux.', ['off_topic']]]);

  // A comment of hers shown at once (no pre-moderation, so no notice names it) is hers on the page too, after a reload.
  await org.admin.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: false });
  await chloe.ok('POST', `/api/ideas/${ideaId}/comments`, { text: 'Et un rayon bébé en vrac ?' });
  await org.admin.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: true });
  await page.reload();
  await expect(campaign.comment('Un rayon vrac', 'Et un rayon bébé en vrac')).toBeVisible();
  await expect(campaign.comment('Un rayon vrac', 'Et un rayon bébé en vrac').getByRole('button', { name: 'Signaler' })).toHaveCount(0);
  await expect(campaign.comment('Un rayon vrac', 'Merci Chloé, nous regardons les bocaux.').getByRole('button', { name: 'Signaler' })).toHaveCount(1);

  // The box closes while her page is open: told in words, nothing kept.
  await org.admin.ok('PATCH', `/api/activities/${boxId}`, { status: 'decided' });
  await campaign.writeComment('Un rayon vrac', 'Encore une chose.');
  await expect(outcome).toHaveText(/^Cette idée ne prend pas de commentaire pour l’instant \(la campagne est close/);
  await expect(campaign.comments('Un rayon vrac').getByText('Encore une chose.')).toHaveCount(0);
  await org.admin.ok('PATCH', `/api/activities/${boxId}`, { status: 'open' });

  // Twenty comments an hour: the next is refused, and she is told to wait.
  // (Every attempt counts, the refused one above too: the limit is judged before the body is read.)
  const statuses: number[] = [];
  for (let i = 0; i < 20 && statuses.at(-1) !== 429; i++) statuses.push((await chloe.call('POST', `/api/ideas/${ideaId}/comments`, { text: `Remarque ${i}` })).status);
  expect(statuses).toEqual([...Array<number>(16).fill(201), 429]);
  await campaign.writeComment('Un rayon vrac', 'Une de trop.');
  await expect(outcome).toHaveText('Vous avez envoyé beaucoup de commentaires en peu de temps : attendez un moment avant le suivant. Rien n’a été envoyé.');
  await expect(outcome).toHaveAttribute('role', 'alert');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await appContext.close();
  await context.close();
});

test('a member whose comment a facilitator hides is told in the app that the comment, not the idea, was hidden, and why', async ({ browser }) => {
  const base = relay.url;
  const bruno = await person(org.admin, 'Bruno Martin');
  const { id: boxId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Idées internes', question: 'Que feriez-vous à notre place ?', categories: ['Accueil'] });
  const { id: ideaId } = await org.admin.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Des bancs', text: 'Près des cabines.', category: 'Accueil' });
  const { page, context } = await signedIn(browser, base, bruno);
  await page.goto(`${base}/#/ideas/${boxId}/idea/${ideaId}`);
  const thread = page.getByTestId('idea-comments');
  await expect(thread.getByRole('heading', { name: 'Comments' })).toBeVisible();
  await expect(thread.getByText('No comment yet.')).toBeVisible();
  // An empty comment is refused under the field, before anything is sent.
  await thread.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread.getByText('Write a comment.')).toBeVisible();
  await thread.getByRole('textbox', { name: 'Your comment' }).fill('Des bancs ? Encore une idée de bureau.');
  await thread.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread.getByText('Your comment is published.')).toBeVisible();
  const mine = thread.getByTestId('idea-comment').filter({ hasText: 'Encore une idée de bureau' });
  await expect(mine).toContainText('Bruno Martin (you)');
  // No report of one's own comment.
  await expect(mine.getByRole('button', { name: 'Report' })).toHaveCount(0);

  const { comments } = await org.admin.ok<{ comments: { id: string }[] }>('GET', `/api/ideas/${ideaId}/comments`);
  await org.admin.ok('POST', `/api/idea-comments/${comments[0]!.id}/hidden`, { reason: 'Restons bienveillants entre collègues.' });
  const bell = new NoticesBell(page);
  await bell.refreshByFocus();
  await bell.expectUnread(1);
  await bell.open();
  await expect(bell.notices().first()).toContainText('Your comment on “Des bancs” was hidden: Restons bienveillants entre collègues.');
  await expect(bell.notices().filter({ hasText: 'Your idea' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(thread.getByTestId('idea-comment').filter({ hasText: 'Encore une idée de bureau' })).toContainText('Hidden: Restons bienveillants entre collègues.');
  // The box's notices quote the comment.
  await page.goto(`${base}/#/ideas/${boxId}`);
  const notices = page.getByTestId('idea-notices');
  await expect(notices.getByTestId('idea-notice').first()).toContainText('Your comment on “Des bancs” was hidden: Restons bienveillants entre collègues.');
  await expect(notices.getByTestId('idea-notice').first()).toContainText('“Des bancs ? Encore une idée de bureau.”');
  await context.close();
});
