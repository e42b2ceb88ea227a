import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password, setUpOrganisation, type Api } from '../../support/api.ts';
import { signUpOrganisation } from '../../support/organizations.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { waitForStatus, waitUntil, type SmsMessageView } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * SMS across organisations (README "SMS across organisations"): three organisations on one
 * real relay sending through one SMSC on loopback with the relay's sender. Bob is a member
 * of Maison Durand and of Rival Company with the same phone; Troisième knows him too, but
 * he was opted out there by its administrator.
 */
const bob = '+33612345678';
type Consent = { people: { name: string; userId: string; state: string; history: { how: string; byName: string | null; action: string }[] }[] };
type Inbox = { replies: { text: string; meaning: string; messageId: string | null }[] };

async function member(admin: Api, name: string, email: string, phone: string) {
  return admin.ok<{ id: string }>('POST', '/api/users', { name, email, password, role: 'member', phone, smsOptIn: true });
}

async function sent(admin: Api, text: string, expectsReply?: 'ack' | 'choice') {
  const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: bob, text, ...(expectsReply ? { expectsReply } : {}) });
  await waitForStatus(admin, id, 'delivered');
  return id;
}

const consentOf = async (admin: Api, name: string) => (await admin.ok<Consent>('GET', '/api/sms/consents')).people.find((p) => p.name === name)!;
const inbox = async (admin: Api) => (await admin.ok<Inbox>('GET', '/api/sms/inbox?all=1')).replies;

describe('SMS across organisations sharing the relay sender', () => {
  let smsc: TestSmsc;
  let relay: RelayProcess;
  let durand: Api;
  let rival: Api;
  let third: Api;

  beforeAll(async () => {
    smsc = new TestSmsc();
    relay = await startRelayProcess({
      env: { SMS_PROVIDER: 'smpp', SMPP_URL: await smsc.listen(), SMS_SENDER: 'Conclave', CONCLAVE_SIGNUP: 'open', SMS_RETRY_BASE_MS: '200' },
    });
    durand = await setUpOrganisation(relay.url);
    rival = await signUpOrganisation(relay.url, 'Rival Company', 'Olga Outsider', 'olga@rival.example');
    third = await signUpOrganisation(relay.url, 'Troisième', 'Théo Tiers', 'theo@tiers.example');
    await member(durand, 'Bob Martin', 'bob@durand.example', bob);
    await member(rival, 'Bob at Rival', 'bob@rival.example', bob);
    const { id: bobAtThird } = await member(third, 'Bob chez Tiers', 'bob@tiers.example', bob);
    await third.ok('PUT', `/api/sms/consents/${bobAtThird}`, { optIn: false });
    await waitUntil(async () => (await durand.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await smsc?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('an "OK" reaches the organisation whose message expected it, even when another wrote to the number since', async () => {
    const asked = await sent(durand, 'Chiffres validés ? Répondez OK.', 'ack');
    await sent(rival, 'Rival: merci de votre visite');
    expect(await smsc.deliverMo(bob, 'ok')).toBe(0);
    await waitUntil(async () => (await durand.ok<SmsMessageView>('GET', `/api/sms/messages/${asked}`)).answer === 'OK', 'the answer at Durand');
    expect(await inbox(rival)).toEqual([]);
    const question = await sent(rival, 'Rival: A Lyon ou B Lille ?', 'choice');
    await sent(durand, 'Durand: rappel réunion');
    expect(await smsc.deliverMo(bob, 'b')).toBe(0);
    await waitUntil(async () => (await rival.ok<SmsMessageView>('GET', `/api/sms/messages/${question}`)).answer === 'B', 'the choice at Rival');
    expect((await inbox(durand)).map((r) => r.text)).toEqual(['ok']);
  });

  it('text from a number no organisation knows lands in no inbox (not the first organisation\'s)', async () => {
    expect(await smsc.deliverMo('+447700900123', 'who is this?')).toBe(0);
    const rows = await queryStore<{ org_id: string | null }>(relay.dataDir, "SELECT org_id FROM sms_inbound WHERE text = 'who is this?'");
    expect(rows).toEqual([{ org_id: null }]);
    for (const admin of [durand, rival, third]) expect((await inbox(admin)).map((r) => r.text)).not.toContain('who is this?');
  });

  it('a STOP answering Durand stops Rival too: each records it in its own history, one confirmation goes; an opt-out declared elsewhere stays', async () => {
    await sent(rival, 'Rival: nouvelle décision');
    await sent(durand, 'Durand: la décision est prise');
    const before = smsc.submits.length;
    expect(await smsc.deliverMo(bob, 'Stop')).toBe(0);
    for (const [admin, name] of [
      [durand, 'Bob Martin'],
      [rival, 'Bob at Rival'],
    ] as const) {
      const c = await consentOf(admin, name);
      expect(c.state).toBe('out');
      expect(c.history.at(-1)).toMatchObject({ action: 'opt_out', how: 'SMS STOP', byName: name });
      const refused = await admin.call<{ error: { code: string } }>('POST', '/api/sms/messages', { to: bob, text: 'encore' });
      expect(refused.status).toBe(422);
    }
    const rivalView = JSON.stringify(await rival.ok<Consent>('GET', '/api/sms/consents'));
    expect(rivalView).not.toContain('Durand');
    expect(rivalView).not.toContain('Bob Martin');
    // Troisième's own opt-out stays as its administrator recorded it: no STOP added to it.
    expect((await consentOf(third, 'Bob chez Tiers')).history.map((h) => h.how)).toEqual(['declared by admin', 'declared by admin']);
    await waitUntil(async () => smsc.submits.length > before, 'the STOP confirmation');
    const confirmations = async (admin: Api) =>
      (await admin.ok<{ messages: SmsMessageView[] }>('GET', '/api/sms/messages?kind=sms.stop-confirmation')).messages.length;
    expect([await confirmations(durand), await confirmations(rival), await confirmations(third)]).toEqual([1, 0, 0]);
    // The STOP itself is in Durand's inbox (the organisation answered) and in no other's.
    expect((await inbox(durand)).map((r) => r.meaning)).toContain('stop');
    expect((await inbox(rival)).map((r) => r.meaning)).not.toContain('stop');
  });

  it('START opts back in wherever an SMS STOP opted out, and nowhere an opt-out was given otherwise', async () => {
    expect(await smsc.deliverMo(bob, 'START')).toBe(0);
    await waitUntil(async () => (await consentOf(rival, 'Bob at Rival')).state === 'in', 'Rival opted in again');
    expect((await consentOf(rival, 'Bob at Rival')).history.at(-1)).toMatchObject({ action: 'opt_in', how: 'SMS START' });
    expect((await consentOf(durand, 'Bob Martin')).state).toBe('in');
    expect((await consentOf(third, 'Bob chez Tiers')).state).toBe('out');
    expect((await third.call('POST', '/api/sms/messages', { to: bob, text: 'Tiers' })).status).toBe(422);
  });

  it('an administrator lists only their own organisation\'s inbound SMS, consents and outbox', async () => {
    const durandIds = new Set((await durand.ok<{ messages: SmsMessageView[] }>('GET', '/api/sms/messages')).messages.map((m) => m.id));
    const rivalIds = (await rival.ok<{ messages: SmsMessageView[] }>('GET', '/api/sms/messages')).messages.map((m) => m.id);
    expect(rivalIds.length).toBeGreaterThan(0);
    expect(rivalIds.filter((id) => durandIds.has(id))).toEqual([]);
    const theirs = JSON.stringify([await inbox(rival), await inbox(third), await third.ok('GET', '/api/sms/consents'), await rival.ok('GET', '/api/sms/messages')]);
    expect(theirs).not.toContain('Durand:');
    expect(theirs).not.toContain('Bob Martin');
    for (const id of durandIds) expect((await rival.call('GET', `/api/sms/messages/${id}`)).status).toBe(404);
  });
});

describe('SMS replies played in the Outbox, with organisations in different regions', () => {
  let relay: RelayProcess;
  let durand: Api;
  let british: Api;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_SIGNUP: 'open' } });
    durand = await setUpOrganisation(relay.url);
    british = await signUpOrganisation(relay.url, 'Tea & Co', 'Tess Brown', 'tess@tea.example', 'GB');
    await member(british, 'Ben Brown', 'ben@tea.example', '07911 123456');
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('a national number is read in the region of the organisation it answers, not the first organisation\'s', async () => {
    const { id } = await british.ok<{ id: string }>('POST', '/api/sms/messages', { to: '07911 123456', text: 'Tea at 4? Reply OK', expectsReply: 'ack' });
    await waitUntil(async () => (await british.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`)).status === 'sent', 'sent');
    await british.ok('POST', '/api/sms/outbox/replies', { from: '07911 123456', text: 'OK' });
    expect((await british.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`)).answer).toBe('OK');
  });

  it('a relay open to sign-ups connects to no SMPP host an organisation names, unless its operator lists them', async () => {
    const refused = await british.call<{ error?: { code: string; message: string } }>('PATCH', '/api/sms/settings', {
      account: { provider: 'smpp', host: '10.0.0.7', port: 2775, systemId: 'tea', password: 'teapw' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/allows no SMPP host/);
    expect((await british.ok<{ account: unknown }>('GET', '/api/sms/settings')).account).toBeNull();
  });

  it('an administrator playing a STOP in the Outbox stops their own organisation only', async () => {
    await durand.ok('POST', '/api/sms/outbox/replies', { from: '+447911123456', text: 'STOP' });
    expect((await consentOf(british, 'Ben Brown')).state).toBe('in');
    expect(await inbox(british)).toHaveLength(1);
  });
});
