import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { FakeTwilio } from '../../support/fake-twilio.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { addSmsMember, waitForStatus, waitUntil, type SmsMessageView } from '../../support/sms.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('SMS through a real relay and Twilio (a local stand-in)', () => {
  const twilio = new FakeTwilio();
  let relay: RelayProcess;
  let admin: Api;

  beforeAll(async () => {
    const base = await twilio.listen();
    const port = await freePort();
    relay = await startRelayProcess({
      port,
      env: {
        SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_FROM: '+33700000000',
        TWILIO_BASE_URL: base,
        SMS_WEBHOOK_BASE_URL: `http://127.0.0.1:${port}`,
        SMS_RETRY_BASE_MS: '100',
      },
    });
    admin = await setUpOrganisation(relay.url);
    await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78');
  });

  afterAll(async () => {
    await relay.stop();
    await twilio.close();
    await removeDataDir(relay.dataDir);
  });

  it('sends through the Messages API and a signed status callback makes it delivered', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: '+33612345678', text: 'Bonjour Bob' });
    await waitForStatus(admin, id, 'sent');
    const message = twilio.messages.find((m) => m.body === 'Bonjour Bob');
    expect(message).toMatchObject({ to: '+33612345678', from: '+33700000000' });
    expect(await twilio.statusCallback(message!.sid, 'delivered')).toBe(204);
    await waitForStatus(admin, id, 'delivered');
    // A late "sent" callback never moves it back.
    expect(await twilio.statusCallback(message!.sid, 'sent')).toBe(204);
    expect((await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`)).status).toBe('delivered');
  });

  it('status callbacks that come before the create call returns, even out of order, end delivered once', async () => {
    twilio.callbacksBeforeAnswer = ['sent', 'delivered', 'sent'];
    try {
      const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: '+33612345678', text: 'Plus vite que la réponse' });
      await waitForStatus(admin, id, 'delivered');
      await new Promise((r) => setTimeout(r, 300));
      const message = await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`);
      expect(message.status).toBe('delivered');
      expect(message.history.filter((h) => h.status === 'delivered')).toHaveLength(1);
      expect(twilio.messages.filter((m) => m.body === 'Plus vite que la réponse')).toHaveLength(1);
    } finally {
      twilio.callbacksBeforeAnswer = [];
    }
  });

  it('refuses a callback with a bad signature and changes nothing', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: '+33612345678', text: 'Signé ?' });
    await waitForStatus(admin, id, 'sent');
    const message = twilio.messages.find((m) => m.body === 'Signé ?')!;
    expect(await twilio.statusCallback(message.sid, 'undelivered', 'not-the-token')).toBe(403);
    expect(await twilio.inbound(`${relay.url}/api/sms/twilio/inbound`, '+33612345678', 'STOP', 'not-the-token')).toBe(403);
    const after = await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`);
    expect(after.status).toBe('sent');
    const consent = await admin.ok<{ people: { name: string; state: string }[] }>('GET', '/api/sms/consents');
    expect(consent.people.find((p) => p.name === 'Bob Martin')?.state).toBe('in');
  });

  it('retries after a Twilio server error, then sends once', async () => {
    twilio.failNext(500, 503);
    const before = twilio.messages.length;
    const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: '+33612345678', text: 'Après panne' });
    const sent = await waitForStatus(admin, id, 'sent');
    expect(sent.history.filter((h) => h.status === 'sending')).toHaveLength(3);
    expect(twilio.messages.length).toBe(before + 1);
  });

  it('a STOP by inbound webhook opts the number out and blocks the next send', async () => {
    expect(await twilio.inbound(`${relay.url}/api/sms/twilio/inbound`, '+33612345678', 'ARRET')).toBe(200);
    await waitUntil(async () => {
      const res = await admin.call('POST', '/api/sms/messages', { to: '+33612345678', text: 'Encore ?' });
      return res.status === 422;
    }, 'the next send refused');
  });
});
