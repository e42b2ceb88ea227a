import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { SmsRefused, type SmsReply, type SmsStatusChange } from '../../../server/sms/gateway.ts';
import { OutboxProvider } from '../../../server/sms/providers/outbox.ts';
import { SmsService } from '../../../server/sms/service.ts';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir } from '../../support/relay.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';

/** The gateway as other areas use it: `ctx.sms` inside the relay, with the outbox provider. */
describe('ctx.sms, the gateway other areas send through', () => {
  let relay: Relay;
  let admin: Api;
  let orgId: string;
  let userId: string;
  let clock = new Date('2026-11-23T10:00:00Z');
  const statuses: SmsStatusChange[] = [];
  const replies: SmsReply[] = [];
  let outbox: OutboxProvider;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conclave-sms-'));
    relay = await startRelay(
      loadConfig({ PORT: '0', CONCLAVE_DATA_DIR: dir, CONCLAVE_WEB_ROOT: '', CONCLAVE_SESSION_DAYS: '3650' }),
      pino({ level: 'silent' }),
      () => clock,
    );
    admin = await setUpOrganisation(relay.url);
    ({ id: userId } = await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78'));
    orgId = (await admin.ok<{ organization: { id: string } }>('GET', '/api/me')).organization.id;
    relay.ctx.sms.onStatus('polls.vote', (c) => void statuses.push(c));
    relay.ctx.sms.onReply('polls.vote', (r) => void replies.push(r));
    if (!(relay.ctx.sms instanceof SmsService) || !(relay.ctx.sms.provider instanceof OutboxProvider)) throw new Error('outbox expected');
    outbox = relay.ctx.sms.provider;
  });

  afterAll(async () => {
    await relay.close();
    await removeDataDir(relay.ctx.config.dataDir);
  });

  it('sends once per idempotency key, tells status listeners, and hands the choice to reply listeners', async () => {
    const request = {
      orgId,
      userId,
      text: 'Séminaire : A Lyon, B Lille ? Répondez A ou B.',
      kind: 'polls.vote',
      idempotencyKey: 'poll-1:bob',
      expectsReply: { kind: 'choice' as const, subject: 'poll:1', choices: ['A', 'B'] },
    };
    const first = await relay.ctx.sms.enqueue(request);
    const again = await relay.ctx.sms.enqueue(request);
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    await waitUntil(async () => statuses.some((s) => s.messageId === first.id && s.status === 'sent'), 'sent');
    expect(outbox.sent.filter((s) => s.id === first.id)).toHaveLength(1);
    await outbox.simulateReceipt(first.id, 'delivered');
    expect(statuses.find((s) => s.status === 'delivered')).toMatchObject({ messageId: first.id, idempotencyKey: 'poll-1:bob' });
    await outbox.simulateReply('+33612345678', 'b');
    expect(replies).toEqual([expect.objectContaining({ messageId: first.id, subject: 'poll:1', answer: 'B', userId })]);
  });

  it('refuses an answer keyword that would unsubscribe people, and queues nothing', async () => {
    const refused = relay.ctx.sms.enqueue({
      orgId,
      userId,
      text: 'Répondez STOP ou GO',
      kind: 'polls.vote',
      idempotencyKey: 'poll-2:bob',
      expectsReply: { kind: 'choice', subject: 'poll:2', choices: ['STOP', 'GO'] },
    });
    await expect(refused).rejects.toBeInstanceOf(SmsRefused);
    await expect(refused).rejects.toMatchObject({ reason: 'reserved_keyword' });
  });

  it('a text over ten SMS is refused as too long (its own code, not an empty text), and nothing is queued', async () => {
    const before = (await admin.ok<{ counts: Record<string, number> }>('GET', '/api/sms/counts')).counts;
    const refused = await admin.call<{ error: { code: string; message: string } }>('POST', '/api/sms/messages', { to: '+33612345678', text: 'ê'.repeat(700) });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('sms_too_long');
    expect(refused.body.error.message).toMatch(/11 SMS/);
    await expect(relay.ctx.sms.enqueue({ orgId, userId, text: 'ê'.repeat(700), kind: 'polls.vote', idempotencyKey: 'long' })).rejects.toMatchObject({
      reason: 'too_long',
    });
    expect((await admin.ok<{ counts: Record<string, number> }>('GET', '/api/sms/counts')).counts).toEqual(before);
  });

  it('holds a non-urgent message during quiet hours in the recipient\'s time zone; an urgent one goes', async () => {
    clock = new Date('2026-11-23T22:30:00Z'); // 23:30 in Paris
    const calm = await relay.ctx.sms.enqueue({ orgId, userId, text: 'Résumé du jour', kind: 'figures.daily', idempotencyKey: 'calm' });
    expect(calm.notBefore).toBe('2026-11-24T07:00:00.000Z');
    const urgent = await relay.ctx.sms.enqueue({ orgId, userId, text: 'Alerte', kind: 'figures.alert', idempotencyKey: 'urgent', urgent: true });
    await waitUntil(async () => outbox.sent.some((s) => s.id === urgent.id), 'the urgent message');
    expect(outbox.sent.some((s) => s.id === calm.id)).toBe(false);
  });

  it('uses the person\'s own time zone once it is recorded, and refuses one that does not exist', async () => {
    const bad = await admin.call<{ error: { code: string } }>('PUT', `/api/sms/consents/${userId}`, { optIn: true, timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    await admin.ok('PUT', `/api/sms/consents/${userId}`, { optIn: true, timeZone: 'America/Montreal', how: 'moved to Montréal' });
    clock = new Date('2026-11-23T22:40:00Z'); // 17:40 in Montréal
    const evening = await relay.ctx.sms.enqueue({ orgId, userId, text: 'Bonsoir', kind: 'figures.daily', idempotencyKey: 'montreal' });
    expect(evening.notBefore).toBe('2026-11-23T22:40:00.000Z');
  });

  it('STOP and START are confirmed in the person\'s own language, else in the organisation\'s', async () => {
    const { id: annId } = await addSmsMember(admin, 'Ann Smith', '06 22 33 44 55');
    await relay.ctx.db.run("UPDATE users SET locale = 'en' WHERE id = ?", [annId]);
    await addSmsMember(admin, 'Chloé Petit', '06 33 44 55 66');
    const confirmation = (to: string, pattern: RegExp) =>
      waitUntil(async () => outbox.sent.find((s) => s.to === to && pattern.test(s.composed.text)), `a confirmation to ${to}`);
    await outbox.simulateReply('+33622334455', 'STOP');
    await confirmation('+33622334455', /^You will get no more SMS from Conclave/);
    await outbox.simulateReply('+33622334455', 'START');
    await confirmation('+33622334455', /^You will get SMS from Conclave again/);
    await outbox.simulateReply('+33633445566', 'STOP');
    await confirmation('+33633445566', /^Vous ne recevrez plus de SMS/);
  });
});
