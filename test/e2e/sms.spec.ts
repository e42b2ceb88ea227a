import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { password } from '../support/api.ts';
import { SmsPage } from './pages/sms-page.ts';
import { organisation, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
test.beforeAll(async () => {
  relay = await startWebRelay();
});
test.afterAll(async () => stopWebRelay(relay));

test('an admin composes with a live segment count, sends, follows delivery in the Outbox, and STOP shows in consent', async ({ browser }) => {
  const base = relay!.url;
  const { admin, alice } = await organisation(base);
  await admin.ok('POST', '/api/users', {
    name: 'Bruno Martin',
    email: 'bruno@durand.example',
    password,
    role: 'member',
    phone: '06 12 34 56 78',
    smsOptIn: true,
  });
  const { page } = await signedIn(browser, base, alice);
  const sms = new SmsPage(page);
  await sms.open();

  // Typographic quotes force UCS-2; the rewrite brings the text back to GSM-7, accents kept.
  await sms.type('06 12 34 56 78', 'L’équipe “Nord” a validé le plan… à demain');
  await expect(sms.meter()).toContainText('1 SMS · UCS-2');
  await expect(sms.compose().locator('mark.sms-char')).toHaveText(['’', '“', '”', '…']);
  await sms.compose().getByRole('button', { name: 'Replace look-alikes (’ “ ” – …)' }).click();
  await expect(sms.compose().getByLabel('Message')).toHaveValue('L\'équipe "Nord" a validé le plan... à demain');
  await expect(sms.meter()).toContainText('1 SMS · GSM-7');
  await sms.compose().getByRole('button', { name: 'Send the test message' }).click();
  await expect(sms.compose().getByRole('status').last()).toHaveText('Queued: 1 SMS (GSM-7).');

  const row = sms.outboxRow('a validé le plan');
  await expect(row).toContainText('Sent');
  await expect(row).toContainText('Bruno Martin');

  // The Outbox provider plays the phone network: a receipt, then the member's STOP.
  const { messages } = await admin.ok<{ messages: { id: string; text: string }[] }>('GET', '/api/sms/messages');
  const sent = messages.find((m) => m.text.includes('a validé le plan'))!;
  await admin.ok('POST', '/api/sms/outbox/receipts', { messageId: sent.id, status: 'delivered' });
  await expect(row).toContainText('Delivered');
  await row.click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Queued');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Delivered');
  await page.screenshot({ path: path.join(screenshots, 'sms-outbox.png') });

  await admin.ok('POST', '/api/sms/outbox/replies', { from: '+33612345678', text: 'STOP' });
  await sms.tab('Consent');
  await expect(sms.consentRow('Bruno Martin')).toContainText('Opted out (STOP)');
  await expect(sms.consentRow('Bruno Martin')).toContainText('SMS STOP');

  // The next send is refused with the relay's reason.
  await sms.tab('Outbox');
  await sms.type('06 12 34 56 78', 'Encore un message');
  await sms.compose().getByRole('button', { name: 'Send the test message' }).click();
  await expect(sms.compose().getByRole('alert')).toContainText('answered STOP');

  await sms.tab('Provider and budget');
  await expect(page.getByRole('status').filter({ hasText: 'outbox' })).toContainText('Connected');
  await page.screenshot({ path: path.join(screenshots, 'sms-provider.png') });
});
