import { expect, test, type Browser } from '@playwright/test';
import path from 'node:path';
import { password } from '../support/api.ts';
import type { RelayProcess } from '../support/relay.ts';
import type { TestSmtp } from '../support/smtp.ts';
import { screenshots, signedIn, withMailWebRelay, type MailWebRelay } from './support/web-relay.ts';

/**
 * Issue 12 end to end, in Chromium against a real relay that mails through an SMTP server
 * on loopback: an administrator invites a colleague from the People screen, she accepts
 * on her phone (in French), edits her profile, forgets her password and sets a new one
 * from the e-mailed link (in English). Screenshots at phone size, in both languages.
 */
let relay: RelayProcess;
let smtp: TestSmtp;
let org: MailWebRelay['org'];
const phone = { width: 390, height: 844 };

withMailWebRelay((world) => {
  ({ relay, smtp, org } = world);
});

/** The link (to the relay's client) in the `nth` e-mail to `address`. */
async function mailedLink(address: string, marker: string, nth = 1): Promise<string> {
  const mail = await smtp.nthTo(address, nth);
  const link = mail.text.split(/\s+/).find((word) => word.startsWith('http') && word.includes(marker));
  if (!link) throw new Error(`no ${marker} link in:\n${mail.text}`);
  return link;
}

const onPhone = (browser: Browser, locale: string) => browser.newContext({ locale, viewport: phone, isMobile: true, hasTouch: true });
const shot = (name: string) => ({ path: path.join(screenshots, `people-${name}.png`), fullPage: true });

test('invited by e-mail, a colleague joins on her phone, edits her profile and resets a forgotten password', async ({ browser }) => {
  const base = relay.url;
  const { alice } = org;

  // The administrator invites Chloé from the People screen.
  const admin = await signedIn(browser, base, alice);
  await admin.page.getByRole('link', { name: 'People' }).click();
  await expect(admin.page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const form = admin.page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('E-mail address').fill('not an address');
  await form.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(form.getByText('not a valid e-mail address')).toBeVisible();
  await form.getByLabel('E-mail address').fill('chloe@durand.example');
  await form.getByLabel('Name (optional)').fill('Chloé Martin');
  await form.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(form.getByRole('status')).toHaveText('Invitation sent to chloe@durand.example.');
  const invitations = admin.page.getByRole('region', { name: 'Invitations' });
  await expect(invitations.getByText('Chloé Martin')).toBeVisible();
  await expect(invitations.getByText('waiting')).toBeVisible();
  await admin.page.screenshot(shot('admin-en'));

  // Chloé opens the e-mailed link on her phone, in French.
  const invite = await mailedLink('chloe@durand.example', '/#/invite/');
  const fr = await onPhone(browser, 'fr-FR');
  const chloe = await fr.newPage();
  await chloe.goto(invite);
  await expect(chloe.getByRole('heading', { name: 'Rejoindre Maison Durand' })).toBeVisible();
  await expect(chloe.getByLabel('Votre nom')).toHaveValue('Chloé Martin');
  await chloe.screenshot(shot('accept-fr-phone'));
  await chloe.getByLabel('Choisissez un mot de passe').fill('court');
  await chloe.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(chloe.getByText('Un mot de passe compte au moins 10 caractères.')).toBeVisible();
  await chloe.getByLabel('Choisissez un mot de passe').fill(password);
  await chloe.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(chloe.getByRole('heading', { name: 'Activités' })).toBeVisible();
  // The link worked once.
  await chloe.goto(invite);
  await expect(chloe.getByText('Ce lien a déjà servi.')).toBeVisible();

  // Her profile: a new name, her sessions.
  await chloe.goto(`${base}/#/profile`);
  await expect(chloe.getByRole('heading', { name: 'Mon profil', level: 1 })).toBeVisible();
  const name = chloe.getByRole('region', { name: 'Nom' });
  await name.getByLabel('Nom').fill('Chloé Martin-Roux');
  await name.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(name.getByRole('status')).toHaveText('Enregistré.');
  await expect(chloe.getByRole('region', { name: 'Mes sessions' }).getByText('cet appareil')).toBeVisible();
  await chloe.screenshot(shot('profile-fr-phone'));
  await expect(admin.page.getByRole('region', { name: 'Invitations' }).getByText('waiting')).toBeVisible(); // not reloaded yet
  await admin.page.reload();
  const people = admin.page.getByRole('region', { name: 'People' });
  await expect(people.getByText('Chloé Martin-Roux', { exact: true })).toBeVisible();
  // The administrator makes her an administrator too; the list says so after a reload.
  const saved = admin.page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/users/'));
  await people.getByRole('combobox', { name: 'Role of Chloé Martin-Roux' }).selectOption('admin');
  expect((await saved).status()).toBe(200);
  await admin.page.reload();
  await expect(admin.page.getByRole('combobox', { name: 'Role of Chloé Martin-Roux' })).toHaveValue('admin');

  // Later, in English, she has forgotten her password.
  const en = await onPhone(browser, 'en-GB');
  const again = await en.newPage();
  await again.goto(base + '/');
  await again.getByRole('link', { name: 'Forgot your password?' }).click();
  await again.getByLabel('E-mail', { exact: true }).fill('chloe@durand.example');
  await again.getByRole('button', { name: 'Send the link' }).click();
  await expect(again.getByRole('status')).toContainText('If this address has an account');
  await again.screenshot(shot('forgot-en-phone'));
  const reset = await mailedLink('chloe@durand.example', '/#/reset-password/', 2);
  await again.goto(reset);
  await expect(again.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(again.getByText('For chloe@durand.example')).toBeVisible();
  await again.screenshot(shot('reset-en-phone'));
  await again.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await again.getByRole('button', { name: 'Save the new password' }).click();
  await expect(again.getByRole('heading', { name: 'Activities' })).toBeVisible();
  await again.goto(`${base}/#/profile`);
  await expect(again.getByRole('heading', { name: 'My profile', level: 1 })).toBeVisible();
  await again.screenshot(shot('profile-en-phone'));

  // Her phone's French session ended with the reset.
  await chloe.reload();
  await expect(chloe.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await chloe.screenshot(shot('signed-out-fr-phone'));
});

test('a facilitator invites an outside consultant to one activity by e-mail; the consultant joins as a guest and sees that activity only', async ({ browser }) => {
  const base = relay.url;
  const { admin, alice } = org;
  const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move the Lyon office?' });
  await admin.ok('POST', '/api/activities', { title: 'Budget 2027', question: 'How much do we spend in 2027?' });
  const facilitator = await signedIn(browser, base, alice);
  await facilitator.page.goto(`${base}/#/activities/${id}/members`);
  const form = facilitator.page.getByRole('form', { name: 'Invite by e-mail' });
  await form.getByLabel('E-mail address').fill('conseil@outside.example');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(form.getByRole('status')).toHaveText('Invitation sent to conseil@outside.example, as a guest: they will see this activity only.');
  await expect(facilitator.page.getByRole('list', { name: 'Invitations' }).getByText('conseil@outside.example')).toBeVisible();
  await facilitator.page.screenshot(shot('invite-to-activity-en'));

  const link = await mailedLink('conseil@outside.example', '/#/invite/');
  const phoneContext = await onPhone(browser, 'en-GB');
  const consultant = await phoneContext.newPage();
  await consultant.goto(link);
  await expect(consultant.getByText('As a guest, you will see this activity only.')).toBeVisible();
  await consultant.getByLabel('Your name').fill('Olga Conseil');
  await consultant.getByLabel('Choose a password').fill(password);
  await consultant.getByRole('button', { name: 'Join' }).click();
  await expect(consultant.getByRole('heading', { name: 'Activities' })).toBeVisible();
  await expect(consultant.getByRole('link', { name: /^Lyon office/ })).toHaveCount(1);
  await expect(consultant.getByRole('link', { name: /^Budget 2027/ })).toHaveCount(0);
  await expect(consultant.getByRole('link', { name: 'People' })).toHaveCount(0);
  await expect(consultant.getByRole('link', { name: 'New activity' })).toHaveCount(0);
  await consultant.screenshot(shot('guest-en-phone'));
});
