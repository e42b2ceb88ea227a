import { ErrorCode } from '#core/api/errors';
import {
  ConsentRequest,
  OutboxQuery,
  PreviewRequest,
  SendTestSmsRequest,
  UpdateSmsSettingsRequest,
} from '#core/api/sms';
import { monthOf } from '#core/sms/cost';
import { z } from 'zod';
import { authenticate, requireAdmin, type Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { changeConsent, consentForUser, listConsents } from './consent.ts';
import type { SimulatedPhones } from './gateway.ts';
import { messageById, toApiMessage } from './messages.ts';
import { listInbound, listMessages, statusCounts } from './outbox-list.ts';
import { previewSms } from './preview.ts';
import type { ProviderWebhook } from './providers/provider.ts';
import { settingsOf, spentThisMonth, updateSettings } from './settings.ts';
import { sendTestSms } from './test-message.ts';
import { readBody, readJson } from '../http/body.ts';
import { validate } from '../validate.ts';
import { Refusal, notFound } from '../errors.ts';
import type { Request, Router } from '../http/router.ts';

/** The SMS endpoints: Outbox, consent, replies inbox, provider status, composition, settings. */
export function smsRoutes(router: Router, ctx: Context) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const admin = async (req: Request) => {
    const me = await caller(req);
    requireAdmin(me);
    return me;
  };
  providerWebhooks(router, ctx.sms.webhooks());

  router
    .on('GET', '/api/sms/status', async (req) => {
      const me = await admin(req);
      return { body: ctx.sms.providerStatus(me.orgId) };
    })
    .on('POST', '/api/sms/preview', async (req) => {
      const me = await caller(req);
      const input = await readJson(req.raw, PreviewRequest);
      return { body: await previewSms(ctx, me, input.text, input.gsmSafe) };
    })
    .on('POST', '/api/sms/messages', async (req) => {
      const me = await admin(req);
      const input = await readJson(req.raw, SendTestSmsRequest);
      const key = req.raw.headers['idempotency-key'];
      return { status: 201, body: await sendTestSms(ctx, me, input, typeof key === 'string' ? key : undefined) };
    })
    .on('GET', '/api/sms/messages', async (req) => {
      const me = await admin(req);
      return { body: await listMessages(ctx.db, me.orgId, validate(OutboxQuery, Object.fromEntries(req.query))) };
    })
    .on('GET', '/api/sms/counts', async (req) => {
      const me = await admin(req);
      return { body: { counts: await statusCounts(ctx.db, me.orgId) } };
    })
    .on('GET', '/api/sms/messages/:id', async (req) => {
      const me = await caller(req);
      const row = await messageById(ctx.db, req.params.id ?? '');
      if (!row || row.org_id !== me.orgId || (me.role !== 'admin' && row.user_id !== me.id)) throw notFound('message');
      return { body: await toApiMessage(ctx.db, row) };
    })
    .on('GET', '/api/sms/consents', async (req) => {
      const me = await admin(req);
      return { body: { people: await listConsents(ctx.db, me.orgId) } };
    })
    .on('GET', '/api/sms/consents/:userId', async (req) => {
      const me = await caller(req);
      const userId = ownOrAdmin(me, req.params.userId ?? '');
      const entry = await consentForUser(ctx.db, me.orgId, userId);
      if (!entry) throw notFound('person');
      return { body: entry };
    })
    .on('PUT', '/api/sms/consents/:userId', async (req) => {
      const me = await caller(req);
      const userId = ownOrAdmin(me, req.params.userId ?? '');
      const input = await readJson(req.raw, ConsentRequest);
      return { body: await changeConsent(ctx, me, userId, input) };
    })
    .on('GET', '/api/sms/inbox', async (req) => {
      const me = await admin(req);
      const unmatched = req.query.get('all') !== '1';
      return { body: { replies: await listInbound(ctx.db, me.orgId, unmatched) } };
    })
    .on('GET', '/api/sms/settings', async (req) => {
      const me = await admin(req);
      const settings = await settingsOf(ctx.db, ctx.config.sms, me.orgId);
      const month = monthOf(ctx.now());
      return { body: { ...settings, month, spentMicros: await spentThisMonth(ctx.db, me.orgId, month) } };
    })
    .on('PATCH', '/api/sms/settings', async (req) => {
      const me = await admin(req);
      const input = await readJson(req.raw, UpdateSmsSettingsRequest);
      const settings = await updateSettings(ctx.db, ctx.config.sms, me.orgId, me.id, input, ctx.now().toISOString());
      if (input.sender !== undefined || input.account !== undefined) await ctx.sms.accountsChanged();
      return { body: settings };
    })
    .on('POST', '/api/sms/outbox/replies', async (req) => {
      const me = await admin(req);
      const outbox = simulatedPhones(ctx);
      const input = await readJson(req.raw, z.strictObject({ from: z.string().min(3).max(32), text: z.string().min(1).max(1600) }));
      await outbox.simulateReply(input.from, input.text, me.orgId);
      return { status: 201, body: { ok: true } };
    })
    .on('POST', '/api/sms/outbox/receipts', async (req) => {
      const me = await admin(req);
      const outbox = simulatedPhones(ctx);
      const input = await readJson(
        req.raw,
        z.strictObject({ messageId: z.string().min(1).max(64), status: z.enum(['delivered', 'undelivered']) }),
      );
      const row = await messageById(ctx.db, input.messageId);
      if (!row || row.org_id !== me.orgId) throw notFound('message');
      await outbox.simulateReceipt(row.id, input.status);
      return { status: 201, body: await toApiMessage(ctx.db, (await messageById(ctx.db, row.id))!) };
    });
}

/** Serves the calls a provider's far end makes (Twilio's callbacks): the body read within its bound, the answer as XML or 204. */
export function providerWebhooks(router: Router, hooks: readonly ProviderWebhook[]) {
  for (const hook of hooks) {
    router.on('POST', hook.path, async (req) => {
      const body = await readBody(req.raw, hook.maxBytes);
      const answer = await hook.handle({ path: req.path, query: req.query, headers: req.raw.headers, body });
      return answer.xml === undefined ? { status: 204 } : { raw: answer.xml, contentType: 'text/xml' };
    });
  }
}

function ownOrAdmin(me: Caller, userId: string) {
  if (me.role !== 'admin' && me.id !== userId) throw new Refusal(ErrorCode.notFound, 'No such person.');
  return userId;
}

function simulatedPhones(ctx: Context): SimulatedPhones {
  const phones = ctx.sms.simulatedPhones();
  if (phones) return phones;
  throw new Refusal(ErrorCode.conflict, 'Replies and receipts can only be simulated with the outbox provider.');
}
