import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { TestSmtp } from '../../support/smtp.ts';
import { addSmsMember, waitForStatus, waitUntil } from '../../support/sms.ts';

/**
 * Issue 11, finding 13 on the real relay: its log (pino, at debug level) holds no phone
 * number, no SMS text and no token, through an SMS round trip: a send and its receipt,
 * replies and keywords from a member and from an unknown number, a receipt the SMSC
 * sends for a message the relay never sent, an SMS the SMSC refuses, and an e-mail the
 * mail server refuses: each a path where the relay holds a number, an address or a text
 * when it logs. Seen failing (the stranger's number and the refused text in the log) with
 * pino's redaction emptied and those paths logging the receipt or message in hand.
 */
describe('what the relay logs', () => {
  let smsc: TestSmsc;
  let smtp: TestSmtp;
  let relay: RelayProcess;
  let admin: Api;
  let bobId: string;
  const member = { national: '06 12 34 56 78', digits: '612345678' };
  const stranger = '+33698765432';
  const text = 'Quokka budget review at 9, room Lumiere';
  const refusedAddress = 'quokka.gone@elsewhere.example';

  beforeAll(async () => {
    smsc = new TestSmsc({ receipts: false });
    smtp = new TestSmtp();
    await smtp.listen();
    relay = await startRelayProcess({
      env: {
        SMS_PROVIDER: 'smpp',
        SMPP_URL: await smsc.listen(),
        SMS_UNCONFIRMED_GRACE_MS: '1500',
        SMS_RETRY_BASE_MS: '200',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Conclave <conclave@durand.example>',
        LOG_LEVEL: 'debug',
      },
    });
    admin = await setUpOrganisation(relay.url);
    bobId = (await addSmsMember(admin, 'Bob Martin', member.national)).id;
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
  });

  afterAll(async () => {
    await relay?.stop();
    await smsc?.close();
    await smtp?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  /** The SMSC's receipt for our latest message, once it was handed over (one message at a time here). */
  const receipt = async (id: string, outcome: 'delivered' | 'undelivered') => {
    await waitForStatus(admin, id, 'sent');
    smsc.receiptFor(smsc.submits.at(-1)?.messageId ?? '', outcome);
    await waitForStatus(admin, id, outcome);
  };

  it('an SMS round trip leaves no phone number, message text or token in the log', async () => {
    const sent = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: `+33${member.digits}`, text });
    await receipt(sent.id, 'delivered');
    for (const reply of ['ok', 'HELP', 'STOP', 'START']) await smsc.deliverMo(`+33${member.digits}`, reply);
    for (const reply of ['HELP', 'Quokka from a stranger']) await smsc.deliverMo(stranger, reply);
    // A receipt for a message the relay never sent, addressed to the stranger.
    smsc.submits.push({
      systemId: 'conclave',
      messageId: 'ffee0001',
      source: 'Conclave',
      destination: stranger.slice(1),
      esmClass: 0,
      dataCoding: 0,
      registeredDelivery: 1,
      shortMessage: Buffer.alloc(0),
      ref: 77,
      answered: true,
    });
    smsc.receiptFor('ffee0001');
    await waitUntil(() => Promise.resolve(relay.output().includes('a receipt matched no message')), 'the unknown receipt to be dropped', 20_000);
    // A receipt naming no message at all, from the stranger: dropped at once, the number in hand.
    await smsc.receiptWithoutId(stranger);
    await waitUntil(() => Promise.resolve(relay.output().includes('a receipt for a message we do not know')), 'the id-less receipt to be dropped', 20_000);
    await waitUntil(async () => (await admin.ok<{ replies: unknown[] }>('GET', '/api/sms/inbox')).replies.length > 0, 'the replies');

    // Daily figures to Bob, undelivered: the controller's alert is an SMS text too.
    await admin.ok('PATCH', '/api/sms/settings', { quietStart: '00:00', quietEnd: '00:00' });
    const { id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' });
    await admin.ok('PUT', `/api/figures/${figureId}/values/2026-11-22`, { value: 1_234_567 });
    const { id: listId } = await admin.ok<{ id: string }>('POST', '/api/lists', { name: 'Comex', members: [bobId] });
    const { messages } = await admin.ok<{ messages: { id: string }[] }>('POST', `/api/figures/${figureId}/send`, { date: '2026-11-22', listId });
    await receipt(messages[0]?.id ?? '', 'undelivered');
    const alert = await waitUntil(async () => (await admin.ok<{ alerts: { text: string }[] }>('GET', '/api/figures/alerts')).alerts[0], 'the alert');

    // An SMS the SMSC refuses (invalid destination): failed, visibly.
    smsc.refuseWith = 0x0b;
    const refused = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: `+33${member.digits}`, text: `${text}, refused` });
    await waitForStatus(admin, refused.id, 'failed');
    smsc.refuseWith = null;
    // An e-mail the mail server refuses at RCPT: bounced.
    smtp.refuse.add(refusedAddress);
    const mail = await admin.ok<{ id: string }>('POST', '/api/mail/test', { to: refusedAddress });
    await waitUntil(async () => (await admin.ok<{ status: string }>('GET', `/api/mail/messages/${mail.id}`)).status === 'bounced', 'the e-mail to bounce');

    const log = relay.output();
    expect(log).toContain('a receipt matched no message');
    expect(log).toContain('a receipt for a message we do not know');
    const secrets = [member.digits, member.national, stranger.slice(3), 'Quokka', 'quokka', admin.token ?? 'no token', alert.text];
    const leaks = secrets.filter((secret) => log.includes(secret));
    expect(leaks).toEqual([]);
  });
});
