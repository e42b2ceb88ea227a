import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSms } from '#core/sms/compose';
import { Refusal } from '../../../server/errors.ts';
import { errorReply } from '../../../server/http/errors.ts';
import { Router, send, type Method } from '../../../server/http/router.ts';
import { OutboxProvider } from '../../../server/sms/providers/outbox.ts';
import type { Inbound, Receipt, SmsProvider } from '../../../server/sms/providers/provider.ts';
import { SmppProvider } from '../../../server/sms/providers/smpp.ts';
import { TwilioProvider } from '../../../server/sms/providers/twilio.ts';
import { providerWebhooks } from '../../../server/sms/routes.ts';
import { FakeTwilio } from '../../support/fake-twilio.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { waitUntil } from '../../support/sms.ts';

const log = pino({ level: 'silent' });

/** The far end of a provider: what it received, and a way to answer like a phone network. */
interface FarEnd {
  provider: SmsProvider;
  received(): { to: string; text: string }[];
  /** Reports the message (all its parts) delivered. */
  deliver(providerIds: string[], messageId: string): Promise<void>;
  reply(from: string, text: string): Promise<void>;
  close(): Promise<void>;
}

async function outboxFarEnd(): Promise<FarEnd> {
  const provider = new OutboxProvider();
  return {
    provider,
    received: () => provider.sent.map((s) => ({ to: s.to, text: s.composed.text })),
    deliver: (_ids, messageId) => provider.simulateReceipt(messageId, 'delivered'),
    reply: (from, text) => provider.simulateReply(from, text),
    close: async () => undefined,
  };
}

async function smppFarEnd(): Promise<FarEnd> {
  const smsc = new TestSmsc({ receipts: false });
  const provider = new SmppProvider({ url: await smsc.listen(), window: 10, sender: 'Conclave', enquireLinkMs: 30_000, log });
  return {
    provider,
    received: () => smsc.messages().map((m) => ({ to: `+${m.destination}`, text: m.text })),
    deliver: async (ids) => ids.forEach((id) => smsc.receiptFor(id)),
    reply: async (from, text) => void (await smsc.deliverMo(from, text)),
    close: () => smsc.close(),
  };
}

async function twilioFarEnd(): Promise<FarEnd> {
  const twilio = new FakeTwilio();
  const baseUrl = await twilio.listen();
  const router = new Router();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    void (async () => {
      try {
        const { handler, params } = router.match(req.method ?? 'GET', url.pathname);
        send(res, await handler({ method: req.method as Method, path: url.pathname, params, query: url.searchParams, raw: req, address: req.socket.remoteAddress ?? 'unknown' }));
      } catch (err) {
        send(res, err instanceof Refusal ? errorReply(err) : { status: 500, body: { error: String(err) } });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new TwilioProvider({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: '+33700000000',
    baseUrl,
    webhookBaseUrl: relayUrl,
    log,
  });
  providerWebhooks(router, provider.webhooks());
  return {
    provider,
    received: () => twilio.messages.map((m) => ({ to: m.to, text: m.body })),
    deliver: async (ids) => {
      for (const id of ids) expect(await twilio.statusCallback(id, 'delivered')).toBe(204);
    },
    reply: async (from, text) => void expect(await twilio.inbound(`${relayUrl}/api/sms/twilio/inbound`, from, text)).toBe(200),
    close: async () => {
      await twilio.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const providers: [string, () => Promise<FarEnd>][] = [
  ['outbox', outboxFarEnd],
  ['smpp', smppFarEnd],
  ['twilio', twilioFarEnd],
];

describe.each(providers)('SMS provider contract: %s', (_name, make) => {
  let far: FarEnd;
  const receipts: Receipt[] = [];
  const inbound: Inbound[] = [];
  let nextRef = 1;

  beforeAll(async () => {
    far = await make();
    await far.provider.start({
      receipt: async (r) => void receipts.push(r),
      inbound: async (m) => void inbound.push(m),
    });
    await waitUntil(async () => far.provider.status().connected && far.provider.capacity() > 0, 'provider ready', 10_000);
  });

  afterAll(async () => {
    await far.provider.stop();
    await far.close();
  });

  const submit = (text: string, to = '+33612345678') =>
    far.provider.submit({ id: `msg-${nextRef}`, ref: nextRef++, to, composed: composeSms(text) });

  it('P1 accepts a single message and the far end receives exactly that text', async () => {
    const result = await submit('Bonjour, réunion à 9h €');
    expect(result.outcome).toBe('accepted');
    await waitUntil(async () => far.received().some((m) => m.text === 'Bonjour, réunion à 9h €'), 'the text at the far end');
    expect(far.received().find((m) => m.text === 'Bonjour, réunion à 9h €')?.to).toBe('+33612345678');
  });

  it('P2 a long message arrives whole', async () => {
    const text = 'Chiffres du jour : ' + 'ventes en hausse, '.repeat(20);
    const result = await submit(text);
    expect(result.outcome).toBe('accepted');
    await waitUntil(async () => far.received().some((m) => m.text === text), 'the long text at the far end');
  });

  it('P3 a delivery report comes back as a receipt for that message', async () => {
    const id = `msg-${nextRef}`;
    const result = await submit('Livré ?');
    if (result.outcome !== 'accepted') throw new Error(result.outcome);
    await far.deliver(result.providerIds, id);
    const receipt = await waitUntil(
      async () => receipts.find((r) => (r.providerId && result.providerIds.includes(r.providerId)) || r.messageId === id),
      'the receipt',
    );
    expect(receipt.status).toBe('delivered');
  });

  it('P4 a member\'s reply comes in with the number in E.164', async () => {
    await far.reply('+33612345678', 'OK');
    const reply = await waitUntil(async () => inbound.find((m) => m.text === 'OK'), 'the reply');
    expect(reply.from).toBe('+33612345678');
  });

  it('P5 reports itself connected with room to send', () => {
    expect(far.provider.status()).toMatchObject({ connected: true });
    expect(far.provider.capacity()).toBeGreaterThan(0);
  });
});
