import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password, setUpOrganisation, type Api } from '../../support/api.ts';
import { FakeTwilio } from '../../support/fake-twilio.ts';
import { signUpOrganisation } from '../../support/organizations.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { queryStore } from '../../support/store-reader.ts';
import { waitForStatus, waitUntil, type SmsMessageView } from '../../support/sms.ts';

/**
 * Each organisation its own sender and, optionally, its own provider account (README "SMS
 * across organisations"): one relay, the relay's SMSC and Rival Company's own SMSC on
 * loopback. Bob is a member of the three organisations with the same phone.
 */
const bob = '+33612345678';
type Settings = { sender: string | null; account: Record<string, unknown> | null };
type Status = { connected: boolean; detail: string };

/** Whether the store's files (database and WAL) hold these bytes anywhere. */
async function fileHolds(dataDir: string, text: string): Promise<boolean> {
  const files = (await readdir(dataDir)).filter((f) => f.startsWith('conclave.sqlite'));
  for (const file of files) if ((await readFile(path.join(dataDir, file))).includes(text)) return true;
  return false;
}

const consentState = async (admin: Api) =>
  (await admin.ok<{ people: { phone: string | null; state: string }[] }>('GET', '/api/sms/consents')).people.find((p) => p.phone === bob)!.state;

async function sendToBob(admin: Api, text: string, expectsReply?: 'ack') {
  const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: bob, text, ...(expectsReply ? { expectsReply } : {}) });
  await waitForStatus(admin, id, 'delivered');
  return id;
}

describe('organisations with their own sender and provider account', () => {
  let relaySmsc: TestSmsc;
  let rivalSmsc: TestSmsc;
  let rivalPort: number;
  let relay: RelayProcess;
  let durand: Api;
  let rival: Api;
  let third: Api;

  beforeAll(async () => {
    relaySmsc = new TestSmsc();
    rivalSmsc = new TestSmsc({ systemId: 'rival', password: 'rivalpw' });
    rivalPort = Number(new URL(await rivalSmsc.listen()).port);
    relay = await startRelayProcess({
      env: {
        SMS_PROVIDER: 'smpp',
        SMPP_URL: await relaySmsc.listen(),
        SMS_SENDER: 'Conclave',
        CONCLAVE_SIGNUP: 'open',
        SMS_ACCOUNT_HOSTS: '127.0.0.1',
        CONCLAVE_SECRET_KEY: '5e'.repeat(32),
      },
    });
    durand = await setUpOrganisation(relay.url);
    rival = await signUpOrganisation(relay.url, 'Rival Company', 'Olga Outsider', 'olga@rival.example');
    third = await signUpOrganisation(relay.url, 'Troisième', 'Théo Tiers', 'theo@tiers.example');
    for (const [admin, domain] of [
      [durand, 'durand'],
      [rival, 'rival'],
      [third, 'tiers'],
    ] as const) {
      await admin.ok('POST', '/api/users', { name: 'Bob', email: `bob@${domain}.example`, password, role: 'member', phone: bob, smsOptIn: true });
    }
    await waitUntil(async () => (await durand.ok<Status>('GET', '/api/sms/status')).connected, 'bind');
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await relaySmsc?.close();
    await rivalSmsc?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  const rivalAccount = () => ({ provider: 'smpp', host: '127.0.0.1', port: rivalPort, systemId: 'rival' });

  it('each organisation sends from its own sender, through its own account when it has one; the password is never given back', async () => {
    expect((await durand.ok<Settings>('PATCH', '/api/sms/settings', { sender: 'DURAND' })).sender).toBe('DURAND');
    const saved = await rival.ok<Settings>('PATCH', '/api/sms/settings', { sender: 'RIVAL', account: { ...rivalAccount(), password: 'rivalpw' } });
    expect(saved.account).toEqual({ ...rivalAccount(), passwordSet: true });
    const read = await rival.ok<Settings>('GET', '/api/sms/settings');
    expect(read).toMatchObject({ sender: 'RIVAL', account: { ...rivalAccount(), passwordSet: true } });
    expect(JSON.stringify([saved, read])).not.toContain('rivalpw');
    await waitUntil(async () => (await rival.ok<Status>('GET', '/api/sms/status')).connected, "Rival's own account bound");
    expect((await durand.ok<Status>('GET', '/api/sms/status')).detail).not.toContain(String(rivalPort));
    expect((await durand.ok<Settings>('GET', '/api/sms/settings')).account).toBeNull();

    await sendToBob(durand, 'Durand vous écrit');
    await sendToBob(rival, 'Rival vous écrit');
    await sendToBob(third, 'Troisième vous écrit');
    const from = (smsc: TestSmsc) => smsc.messages().map((m) => [m.text, m.parts[0]!.source, m.parts[0]!.systemId]);
    expect(from(relaySmsc)).toEqual([
      ['Durand vous écrit', 'DURAND', 'conclave'],
      ['Troisième vous écrit', 'Conclave', 'conclave'],
    ]);
    expect(from(rivalSmsc)).toEqual([['Rival vous écrit', 'RIVAL', 'rival']]);
  });

  it('the password is kept when left out, and refusals change nothing', async () => {
    const kept = await rival.ok<Settings>('PATCH', '/api/sms/settings', { account: rivalAccount() });
    expect(kept.account).toMatchObject({ passwordSet: true });
    // Sealed with CONCLAVE_SECRET_KEY: the SQLite file alone does not hold the password.
    const [stored] = await queryStore<{ secret: string }>(relay.dataDir, 'SELECT secret FROM sms_accounts');
    expect(stored?.secret).toMatch(/^v1:/);
    expect(await fileHolds(relay.dataDir, 'rivalpw')).toBe(false);
    const elsewhere = await rival.call<{ error: { code: string; message: string } }>('PATCH', '/api/sms/settings', {
      account: { ...rivalAccount(), host: '10.1.2.3', password: 'x' },
    });
    expect([elsewhere.status, elsewhere.body.error.message]).toEqual([400, expect.stringContaining('10.1.2.3')]);
    const noPassword = await durand.call('PATCH', '/api/sms/settings', { account: rivalAccount() });
    expect(noPassword.status).toBe(400);
    expect((await durand.ok<Settings>('GET', '/api/sms/settings')).account).toBeNull();
    expect((await rival.ok<Settings>('GET', '/api/sms/settings')).account).toMatchObject({ host: '127.0.0.1' });
    expect(rivalSmsc.binds).toBe(1);
  });

  it("an OK sent to Durand's sender reaches Durand, though Troisième wrote to the number since", async () => {
    const asked = await sendToBob(durand, 'Durand: OK ?', 'ack');
    const other = await sendToBob(third, 'Troisième: OK ?', 'ack');
    expect(await relaySmsc.deliverMo(bob, 'OK', false, 'DURAND')).toBe(0);
    await waitUntil(async () => (await durand.ok<SmsMessageView>('GET', `/api/sms/messages/${asked}`)).answer === 'OK', "Durand's answer");
    expect((await third.ok<SmsMessageView>('GET', `/api/sms/messages/${other}`)).answer).toBeNull();
  });

  it('a STOP stops only the organisations sharing the sender it was sent to', async () => {
    expect(await rivalSmsc.deliverMo(bob, 'STOP', false, 'RIVAL')).toBe(0);
    await waitUntil(async () => (await consentState(rival)) === 'out', 'Rival stopped');
    expect([await consentState(durand), await consentState(third)]).toEqual(['in', 'in']);
    expect(await relaySmsc.deliverMo(bob, 'STOP', false, 'Conclave')).toBe(0);
    await waitUntil(async () => (await consentState(third)) === 'out', 'Troisième stopped');
    expect(await consentState(durand)).toBe('in');
  });

  it('organisations with the same account share one SMPP session; without its own account an organisation sends through the relay again', async () => {
    await third.ok('PATCH', '/api/sms/settings', { sender: 'RIVAL', account: { ...rivalAccount(), password: 'rivalpw' } });
    const bobAtThird = (await third.ok<{ people: { userId: string; phone: string | null }[] }>('GET', '/api/sms/consents')).people.find((p) => p.phone === bob)!;
    await third.ok('PUT', `/api/sms/consents/${bobAtThird.userId}`, { optIn: true });
    await sendToBob(third, 'Troisième par le compte de Rival');
    expect(rivalSmsc.binds).toBe(1);
    expect(rivalSmsc.messages().at(-1)).toMatchObject({ text: 'Troisième par le compte de Rival' });

    await rival.ok('PATCH', '/api/sms/settings', { account: null });
    await third.ok('PATCH', '/api/sms/settings', { account: null });
    await waitUntil(async () => !rivalSmsc.isBound, "Rival's session closed");
    const bobAtRival = (await rival.ok<{ people: { userId: string; phone: string | null }[] }>('GET', '/api/sms/consents')).people.find((p) => p.phone === bob)!;
    await rival.ok('PUT', `/api/sms/consents/${bobAtRival.userId}`, { optIn: true });
    await sendToBob(rival, 'Rival par le relais');
    expect(relaySmsc.messages().at(-1)).toMatchObject({ text: 'Rival par le relais', parts: [expect.objectContaining({ source: 'RIVAL', systemId: 'conclave' })] });
  });
});

describe("an organisation's own Twilio account beside the relay's Outbox", () => {
  const twilio = new FakeTwilio('AC' + 'b'.repeat(32), 'rival-twilio-token-0123');
  let relay: RelayProcess;
  let durand: Api;
  let rival: Api;

  beforeAll(async () => {
    const base = await twilio.listen();
    const port = 9632;
    relay = await startRelayProcess({
      port,
      env: { CONCLAVE_SIGNUP: 'open', TWILIO_BASE_URL: base, SMS_WEBHOOK_BASE_URL: `http://127.0.0.1:${port}` },
    });
    durand = await setUpOrganisation(relay.url);
    rival = await signUpOrganisation(relay.url, 'Rival Company', 'Olga Outsider', 'olga@rival.example');
    for (const [admin, domain] of [
      [durand, 'durand'],
      [rival, 'rival'],
    ] as const) {
      await admin.ok('POST', '/api/users', { name: 'Bob', email: `bob@${domain}.example`, password, role: 'member', phone: bob, smsOptIn: true });
    }
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await twilio.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('sends from its Twilio number, hears its signed callbacks, and refuses callbacks signed with another token', async () => {
    const account = { provider: 'twilio', accountSid: twilio.accountSid };
    const refused = await rival.call('PATCH', '/api/sms/settings', { account: { ...account, authToken: twilio.authToken } });
    expect(refused.status).toBe(400); // a Twilio account needs the organisation's sender
    const saved = await rival.ok<Settings>('PATCH', '/api/sms/settings', { sender: '+33700000000', account: { ...account, authToken: twilio.authToken } });
    expect(saved.account).toEqual({ ...account, authTokenSet: true });
    expect(JSON.stringify(saved)).not.toContain(twilio.authToken);

    const { id } = await rival.ok<{ id: string }>('POST', '/api/sms/messages', { to: bob, text: 'Rival par Twilio' });
    const sent = await waitUntil(async () => twilio.messages.find((m) => m.body === 'Rival par Twilio'), 'the message at Twilio');
    expect(sent.from).toBe('+33700000000');
    await waitForStatus(rival, id, 'sent');
    expect(await twilio.statusCallback(sent.sid, 'delivered', 'not-the-token-at-all')).toBe(403);
    expect(await twilio.statusCallback(sent.sid, 'delivered')).toBe(204);
    await waitForStatus(rival, id, 'delivered');

    expect(await twilio.inbound(`http://127.0.0.1:9632/api/sms/twilio/inbound`, bob, 'STOP')).toBe(200);
    await waitUntil(async () => (await consentState(rival)) === 'out', 'Rival stopped');
    expect(await consentState(durand)).toBe('in');
    // Durand's messages stay in the relay's Outbox.
    const durandSent = await durand.ok<{ id: string }>('POST', '/api/sms/messages', { to: bob, text: 'Durand par le relais' });
    expect((await waitForStatus(durand, durandSent.id, 'sent')).history.some((h) => h.detail?.startsWith('accepted by outbox'))).toBe(true);
  });
});
