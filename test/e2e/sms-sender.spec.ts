import { expect, test } from '@playwright/test';
import { password } from '../support/api.ts';
import type { RelayProcess } from '../support/relay.ts';
import { TestSmsc } from '../support/smsc.ts';
import { waitUntil } from '../support/sms.ts';
import { SmsPage } from './pages/sms-page.ts';
import { organisation, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * An administrator gives the organisation its own sender and SMPP account on the SMS
 * settings screen (README "SMS across organisations"); the password is typed once and
 * never shown again, in English and in French. The account is an SMSC on loopback.
 */
let relay: RelayProcess | undefined;
let smsc: TestSmsc;
let smscPort = '';
test.beforeAll(async () => {
  relay = await startWebRelay();
  smsc = new TestSmsc({ systemId: 'durand', password: 'dpw12345' });
  smscPort = new URL(await smsc.listen()).port;
});
test.afterAll(async () => {
  await stopWebRelay(relay);
  await smsc.close();
});

test('an administrator sets the sender and an own SMPP account; its messages go through it; the password is never shown', async ({ browser }) => {
  const base = relay!.url;
  const { admin, alice } = await organisation(base);
  await admin.ok('POST', '/api/users', { name: 'Bruno Martin', email: 'bruno@durand.example', password, role: 'member', phone: '06 12 34 56 78', smsOptIn: true });
  const { page } = await signedIn(browser, base, alice);
  const sms = new SmsPage(page);
  await sms.open();
  await sms.tab('Provider and budget');
  const form = page.getByRole('form', { name: 'Sender and provider account' });
  await form.getByLabel('Sender (a number, or up to 11 letters)', { exact: true }).fill('DURAND');
  await form.getByLabel('Provider account', { exact: true }).selectOption({ label: 'Our own SMPP account' });
  await form.getByLabel('SMSC host', { exact: true }).fill('127.0.0.1');
  await form.getByLabel('Port', { exact: true }).fill(smscPort);
  await form.getByLabel('System ID', { exact: true }).fill('durand');
  await form.getByLabel('Password', { exact: true }).fill('dpw12345');
  await form.getByRole('button', { name: 'Save sender and account', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(form).toContainText('Set. Leave empty to keep it; it is never shown again.');
  await expect(page.getByRole('status').filter({ hasText: 'SMPP' })).toContainText('Connected');
  expect(await page.content()).not.toContain('dpw12345');

  const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: '06 12 34 56 78', text: 'Par notre propre compte' });
  await waitUntil(async () => smsc.messages().some((m) => m.text === 'Par notre propre compte'), 'the message at our SMSC');
  expect(smsc.submits.at(-1)).toMatchObject({ source: 'DURAND', systemId: 'durand' });
  expect((await admin.ok<{ provider: string }>('GET', `/api/sms/messages/${id}`)).provider).toBe('smpp');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  const formFr = page.getByRole('form', { name: 'Expéditeur et compte opérateur' });
  await expect(formFr.getByLabel('Expéditeur (un numéro, ou 11 lettres au plus)', { exact: true })).toHaveValue('DURAND');
  await expect(formFr.getByLabel('Mot de passe', { exact: true })).toHaveValue('');
  await expect(formFr).toContainText('Défini. Laissez vide pour le garder ; il n’est plus jamais affiché.');
});
