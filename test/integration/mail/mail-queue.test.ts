import { afterEach, describe, expect, it } from 'vitest';
import type { MailDetail, MailList } from '#core/api/mail';
import { Api, addPerson, password } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { waitUntil as waitFor } from '../../support/sms.ts';
import { TestSmtp } from '../../support/smtp.ts';

const waitUntil = <T>(what: string, probe: () => Promise<T | null>) => waitFor(probe, what, 20_000);

const adminEmail = 'alice@durand.example';

async function setUp(base: string, organization = 'Maison Durand') {
  const { token } = await new Api(base).ok<{ token: string }>('POST', '/api/setup', { organization, name: 'Alice Durand', email: adminEmail, password });
  return new Api(base, token);
}

const mailIn = (admin: Api, id: string) => admin.ok<MailDetail>('GET', `/api/mail/messages/${id}`);
const statusOf = (admin: Api, id: string, status: string) => async () => {
  const m = await mailIn(admin, id);
  return m.status === status ? m : null;
};

describe('e-mail: a durable queue sent over SMTP, or kept in the in-app outbox', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function relayWith(env: Record<string, string>): Promise<RelayProcess> {
    const relay = await startRelayProcess({ env: { LOG_LEVEL: 'info', MAIL_FROM: 'Conclave <conclave@durand.example>', ...env } });
    cleanups.push(() => removeDataDir(relay.dataDir), () => relay.stop());
    return relay;
  }

  async function smtpServer() {
    const smtp = new TestSmtp();
    await smtp.listen();
    cleanups.push(() => smtp.close());
    return smtp;
  }

  it('without SMTP_URL an e-mail waits in the outbox, which administrators alone list and read', async () => {
    const relay = await relayWith({});
    const admin = await setUp(relay.url);
    const member = await addPerson(admin, 'Bob Martin');
    const { id } = await admin.ok<{ id: string }>('POST', '/api/mail/test', {});
    const kept = await waitUntil('kept in the outbox', statusOf(admin, id, 'sent'));
    expect(kept).toMatchObject({ to: adminEmail, channel: 'outbox', kind: 'test', subject: 'Conclave : e-mail de test' });
    expect(kept.text).toContain('Maison Durand');
    const list = await admin.ok<MailList>('GET', '/api/mail/messages?status=sent');
    expect(list.messages.map((m) => m.id)).toEqual([id]);
    expect(list.counts).toEqual({ sent: 1 });
    expect((await member.api.call('GET', '/api/mail/messages')).status).toBe(403);
    expect((await member.api.call('GET', `/api/mail/messages/${id}`)).status).toBe(403);
    expect((await member.api.call('POST', '/api/mail/test', {})).status).toBe(403);
    expect((await admin.call('GET', '/api/mail/messages?limit=0')).status).toBe(400);
  });

  it('over SMTP: From, To, subject, plain text and escaped HTML; no address or body in the logs', async () => {
    const smtp = await smtpServer();
    const relay = await relayWith({ SMTP_URL: smtp.url });
    const admin = await setUp(relay.url, 'Durand <b>& fils</b>');
    const { id } = await admin.ok<{ id: string }>('POST', '/api/mail/test', { to: 'bob.secret@elsewhere.example' });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['bob.secret@elsewhere.example']);
    expect(mail!.parsed.from?.text).toContain('conclave@durand.example');
    expect(mail!.text).toContain('Durand <b>& fils</b>');
    expect(mail!.html).toContain('Durand &lt;b&gt;&amp; fils&lt;/b&gt;');
    expect(mail!.html).not.toContain('<b>');
    expect(mail!.messageId).toBe(`<${id}@durand.example>`);
    const sent = await waitUntil('sent', statusOf(admin, id, 'sent'));
    expect(sent.channel).toBe('smtp');
    expect(relay.output()).toContain(id);
    expect(relay.output()).not.toContain('bob.secret');
    expect(relay.output()).not.toContain('& fils');
  });

  it('a temporary refusal is retried with backoff until it goes; a refused address ends bounced, visibly', async () => {
    const smtp = await smtpServer();
    const relay = await relayWith({ SMTP_URL: smtp.url, MAIL_RETRY_BASE_MS: '100' });
    const admin = await setUp(relay.url);
    smtp.failNext = 2;
    const { id } = await admin.ok<{ id: string }>('POST', '/api/mail/test', { to: 'carol@elsewhere.example' });
    const sent = await waitUntil('sent after retries', statusOf(admin, id, 'sent'));
    expect(sent.attempts).toBe(3);
    expect(sent.history.filter((h) => h.status === 'queued')).toHaveLength(3);
    expect(smtp.received.filter((m) => m.envelopeTo.includes('carol@elsewhere.example'))).toHaveLength(1);

    smtp.refuse.add('nobody@elsewhere.example');
    const { id: bouncing } = await admin.ok<{ id: string }>('POST', '/api/mail/test', { to: 'nobody@elsewhere.example' });
    const bounced = await waitUntil('bounced', statusOf(admin, bouncing, 'bounced'));
    expect(bounced.attempts).toBe(1);
    expect(bounced.lastError).toContain('No such mailbox');
    const list = await admin.ok<MailList>('GET', '/api/mail/messages?status=bounced');
    expect(list.messages.map((m) => m.id)).toEqual([bouncing]);
    expect((await admin.call('POST', `/api/mail/messages/${bouncing}/retry`)).status).toBe(409);
  });

  it('kill -9 while the SMTP server holds a message: after restart it is unconfirmed, never sent twice; the queue goes on once each', { timeout: 90_000 }, async () => {
    const smtp = await smtpServer();
    const relay = await relayWith({ SMTP_URL: smtp.url, MAIL_CONCURRENCY: '1' });
    const admin = await setUp(relay.url);
    smtp.hold = true;
    const { id: held } = await admin.ok<{ id: string }>('POST', '/api/mail/test', { to: 'held@elsewhere.example' });
    await smtp.waitFor(1);
    const waiting: string[] = [];
    for (let i = 0; i < 5; i++) waiting.push((await admin.ok<{ id: string }>('POST', '/api/mail/test', { to: `queued${i}@elsewhere.example` })).id);
    expect((await mailIn(admin, held)).status).toBe('sending');
    await relay.kill9();
    smtp.hold = false;
    const again = await relay.restart();
    cleanups.push(() => again.stop());
    const api = new Api(again.url, admin.token);
    for (const id of waiting) await waitUntil(`${id} sent`, statusOf(api, id, 'sent'));
    const unconfirmed = await mailIn(api, held);
    expect(unconfirmed.status).toBe('unconfirmed');
    expect(unconfirmed.history.at(-1)?.detail).toContain('not sent again');
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(smtp.received).toHaveLength(6);
    // An administrator may choose to send it again; then it goes once more.
    await api.ok('POST', `/api/mail/messages/${held}/retry`);
    await waitUntil('resent', statusOf(api, held, 'sent'));
    expect(smtp.received.filter((m) => m.envelopeTo.includes('held@elsewhere.example'))).toHaveLength(2);
  });
});
