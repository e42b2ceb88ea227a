import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, waitForStatus, waitUntil, type SmsMessageView } from '../../support/sms.ts';

const smsEnv = (url: string) => ({
  SMS_PROVIDER: 'smpp',
  SMPP_URL: url,
  SMPP_WINDOW: '10',
  SMS_SENDER: 'Conclave',
  SMS_UNCONFIRMED_GRACE_MS: '3000',
  SMS_RETRY_BASE_MS: '200',
});

describe('SMS through a real relay and an SMSC on loopback', () => {
  let smsc: TestSmsc;
  let relay: RelayProcess;
  let admin: Api;

  beforeAll(async () => {
    smsc = new TestSmsc();
    relay = await startRelayProcess({ env: smsEnv(await smsc.listen()) });
    admin = await setUpOrganisation(relay.url);
    await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78');
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
  });

  afterAll(async () => {
    await relay.stop();
    await smsc.close();
    await removeDataDir(relay.dataDir);
  });

  it('sends a single GSM-7 message byte for byte, and its receipt makes it delivered', async () => {
    const sent = await admin.ok<{ id: string; segments: number; encoding: string }>('POST', '/api/sms/messages', {
      to: '+33612345678',
      text: 'Réunion à 9h, café prévu {ok}',
    });
    expect(sent).toMatchObject({ segments: 1, encoding: 'GSM-7' });
    const delivered = await waitForStatus(admin, sent.id, 'delivered');
    expect(delivered.history.map((h) => h.status)).toEqual(['queued', 'sending', 'sent', 'delivered']);
    const [submit] = smsc.submits.filter((s) => s.destination === '33612345678');
    expect(submit).toMatchObject({ source: 'Conclave', dataCoding: 0, esmClass: 0, registeredDelivery: 0x11 });
    // R é u n i o n … with GSM-7 septets, unpacked; { } through the escape 0x1B.
    expect(submit!.shortMessage.subarray(0, 4)).toEqual(Buffer.from([0x52, 0x05, 0x75, 0x6e]));
    expect(submit!.shortMessage.subarray(-6)).toEqual(Buffer.from([0x1b, 0x28, 0x6f, 0x6b, 0x1b, 0x29]));
  });

  it('splits a long UCS-2 message into parts with a 05 00 03 ref total seq header', async () => {
    const text = 'Prévision révisée : ' + 'ê'.repeat(100);
    const sent = await admin.ok<{ id: string; segments: number; encoding: string }>('POST', '/api/sms/messages', {
      to: '+33612345678',
      text,
    });
    expect(sent).toMatchObject({ segments: 2, encoding: 'UCS-2' });
    await waitForStatus(admin, sent.id, 'delivered');
    const message = smsc.messages().find((m) => m.text === text);
    expect(message?.parts).toHaveLength(2);
    const [first, second] = message!.parts;
    expect(first!.dataCoding).toBe(8);
    expect(first!.esmClass & 0x40).toBe(0x40);
    const ref = first!.shortMessage[3]!;
    expect(first!.shortMessage.subarray(0, 6)).toEqual(Buffer.from([0x05, 0x00, 0x03, ref, 2, 1]));
    expect(second!.shortMessage.subarray(0, 6)).toEqual(Buffer.from([0x05, 0x00, 0x03, ref, 2, 2]));
    expect(first!.shortMessage.length).toBe(6 + 67 * 2);
    expect(first!.shortMessage.length).toBeLessThanOrEqual(254);
    expect(first!.shortMessage.subarray(6, 8)).toEqual(Buffer.from([0x00, 0x50])); // "P" in UCS-2
  });

  it('records an "OK" reply on the message that expected it', async () => {
    // An admin's test message expects no answer: the "OK" lands in the inbox.
    const sent = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: '+33612345678', text: 'Reçu ?' });
    await waitForStatus(admin, sent.id, 'delivered');
    expect(await smsc.deliverMo('+33612345678', 'ok')).toBe(0);
    const inbox = await waitUntil(async () => {
      const { replies } = await admin.ok<{ replies: { text: string; messageId: string | null }[] }>('GET', '/api/sms/inbox');
      return replies.length > 0 ? replies : null;
    }, 'the reply in the inbox');
    expect(inbox[0]).toMatchObject({ text: 'ok', messageId: null });
  });

  it('records "OK" on the message that expects an acknowledgement, and "B" on one that offers choices', async () => {
    const ack = await admin.ok<{ id: string }>('POST', '/api/sms/messages', {
      to: '+33612345678',
      text: 'Les chiffres sont validés. Répondez OK.',
      expectsReply: 'ack',
    });
    await waitForStatus(admin, ack.id, 'delivered');
    expect(await smsc.deliverMo('+33612345678', 'Ok')).toBe(0);
    await waitUntil(async () => (await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${ack.id}`)).answer === 'OK', 'the answer');
    const choice = await admin.ok<{ id: string }>('POST', '/api/sms/messages', {
      to: '+33612345678',
      text: 'Lieu du séminaire : A Lyon, B Lille, C Nantes ?',
      expectsReply: 'choice',
    });
    await waitForStatus(admin, choice.id, 'delivered');
    expect(await smsc.deliverMo('+33612345678', 'b')).toBe(0);
    await waitUntil(async () => (await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${choice.id}`)).answer === 'B', 'the choice');
  });

  it('refuses a send beyond the monthly budget with a clear error', async () => {
    const settings = await admin.ok<{ spentMicros: number }>('GET', '/api/sms/settings');
    await admin.ok('PATCH', '/api/sms/settings', { monthlyBudgetMicros: settings.spentMicros + 100_000, pricePerSegmentMicros: 72_500 });
    expect((await admin.call('POST', '/api/sms/messages', { to: '+33612345678', text: 'Un' })).status).toBe(201);
    const refused = await admin.call<{ error: { code: string; message: string } }>('POST', '/api/sms/messages', {
      to: '+33612345678',
      text: 'Deux',
    });
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('over_budget');
    expect(refused.body.error.message).toMatch(/monthly budget/);
    await admin.ok('PATCH', '/api/sms/settings', { monthlyBudgetMicros: null });
  });

  it('STOP opts the number out at once, confirms once, and the next send is refused', async () => {
    const before = smsc.submits.length;
    expect(await smsc.deliverMo('+33612345678', 'Stop')).toBe(0);
    const refused = await admin.call<{ error: { code: string } }>('POST', '/api/sms/messages', {
      to: '+33612345678',
      text: 'Encore un message',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('sms_refused');
    await waitUntil(async () => smsc.submits.length > before, 'the STOP confirmation');
    // The SMSC has its answer only once the relay has recorded the reply and queued any confirmation.
    expect(await smsc.deliverMo('+33612345678', 'STOP')).toBe(0);
    const confirmations = await admin.ok<{ messages: SmsMessageView[] }>('GET', '/api/sms/messages?kind=sms.stop-confirmation');
    expect(confirmations.messages).toHaveLength(1);
    expect(confirmations.messages[0]!.text).toMatch(/START pour reprendre/);
    const consent = await admin.ok<{ people: { name: string; state: string; history: { how: string }[] }[] }>('GET', '/api/sms/consents');
    const bob = consent.people.find((p) => p.name === 'Bob Martin');
    expect(bob?.state).toBe('out');
    expect(bob?.history.map((h) => h.how)).toEqual(['declared by admin', 'SMS STOP']);
  });

  it('HELP is answered with the help text, whatever the consent', async () => {
    expect(await smsc.deliverMo('+33612345678', 'help')).toBe(0);
    const help = await admin.ok<{ messages: SmsMessageView[] }>('GET', '/api/sms/messages?kind=sms.help');
    expect(help.messages).toHaveLength(1);
    expect(help.messages[0]!.text).toMatch(/STOP pour ne plus recevoir/);
  });

  it('START opts back in', async () => {
    expect(await smsc.deliverMo('+33612345678', 'START')).toBe(0);
    await waitUntil(async () => {
      const r = await admin.call('POST', '/api/sms/messages', { to: '+33612345678', text: 'De retour' });
      return r.status === 201;
    }, 'sending allowed again');
  });

  it('a message to a number without opt-in is refused and nothing is queued', async () => {
    const res = await admin.call<{ error: { code: string; message: string } }>('POST', '/api/sms/messages', {
      to: '+33698765432',
      text: 'Bonjour',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/No opt-in/);
    const list = await admin.ok<{ messages: SmsMessageView[] }>('GET', '/api/sms/messages?to=%2B33698765432');
    expect(list.messages).toHaveLength(0);
  });
});
