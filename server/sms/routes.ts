import { ErrorCode } from '#core/api/errors';
import {
  ConsentRequest,
  OutboxQuery,
  PreviewRequest,
  SendTestSmsRequest,
  UpdateSmsSettingsRequest,
  type SmsPreview,
} from '#core/api/sms';
import { composeSms } from '#core/sms/compose';
import { costOf, monthOf } from '#core/sms/cost';
import { gsmSafe } from '#core/sms/gsm-safe';
import { z } from 'zod';
import { authenticate, requireAdmin, type Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { consentForUser, listConsents, recordConsent } from './consent.ts';
import { SmsRefused, RefusalReason, type SimulatedPhones } from './gateway.ts';
import { messageById, toApiMessage } from './messages.ts';
import { listInbound, listMessages } from './outbox-list.ts';
import type { ProviderWebhook } from './providers/provider.ts';
import { settingsOf, spentThisMonth, updateSettings } from './settings.ts';
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
      await admin(req);
      return { body: ctx.sms.providerStatus() };
    })
    .on('POST', '/api/sms/preview', async (req) => {
      const me = await caller(req);
      const input = await readJson(req.raw, PreviewRequest);
      return { body: await preview(ctx, me, input.text, input.gsmSafe) };
    })
    .on('POST', '/api/sms/messages', async (req) => {
      const me = await admin(req);
      const input = await readJson(req.raw, SendTestSmsRequest);
      const key = req.raw.headers['idempotency-key'];
      const sms = await refusalsAsHttp(
        ctx.sms.enqueue({
          orgId: me.orgId,
          to: input.to,
          text: input.text,
          kind: 'admin.test',
          idempotencyKey: typeof key === 'string' && key ? `admin.test:${key.slice(0, 200)}` : `admin.test:${newId()}`,
          urgent: true,
          requestedBy: me.id,
          ...(input.expectsReply ? { expectsReply: { kind: input.expectsReply, subject: 'admin.test' } } : {}),
        }),
      );
      return { status: 201, body: { id: sms.id, segments: sms.segments, encoding: sms.encoding, status: sms.status } };
    })
    .on('GET', '/api/sms/messages', async (req) => {
      const me = await admin(req);
      return { body: await listMessages(ctx.db, me.orgId, validate(OutboxQuery, Object.fromEntries(req.query))) };
    })
    .on('GET', '/api/sms/counts', async (req) => {
      const me = await admin(req);
      const rows = await ctx.db.all<{ status: string; n: number; cost: number }>(
        'SELECT status, COUNT(*) AS n, SUM(cost_micros) AS cost FROM sms_messages WHERE org_id = ? GROUP BY status',
        [me.orgId],
      );
      return { body: { counts: Object.fromEntries(rows.map((r) => [r.status, r.n])) } };
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
      const entry = await consentForUser(ctx.db, me.orgId, userId);
      if (!entry) throw notFound('person');
      if (!entry.phone) throw new Refusal(ErrorCode.conflict, 'This person has no phone number: add one first.');
      const how = input.how ?? (me.id === userId ? 'in the app, by the person' : 'declared by admin');
      await ctx.db.transaction(async (tx) => {
        await recordConsent(tx, {
          orgId: me.orgId,
          phone: entry.phone!,
          userId,
          action: input.optIn ? 'opt_in' : 'opt_out',
          how,
          byUserId: me.id,
          at: ctx.now().toISOString(),
        });
        if (input.timeZone !== undefined) {
          await tx.run('UPDATE sms_consents SET time_zone = ? WHERE org_id = ? AND phone = ?', [input.timeZone, me.orgId, entry.phone!]);
        }
      });
      return { body: await consentForUser(ctx.db, me.orgId, userId) };
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
      return { body: await updateSettings(ctx.db, ctx.config.sms, me.orgId, me.id, input, ctx.now().toISOString()) };
    })
    .on('POST', '/api/sms/outbox/replies', async (req) => {
      await admin(req);
      const outbox = simulatedPhones(ctx);
      const input = await readJson(req.raw, z.strictObject({ from: z.string().min(3).max(32), text: z.string().min(1).max(1600) }));
      await outbox.simulateReply(input.from, input.text);
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

async function preview(ctx: Context, me: Caller, text: string, safe: boolean): Promise<SmsPreview> {
  const rewrite = safe ? gsmSafe(text) : { text, replaced: [] };
  const composed = composeSms(rewrite.text);
  const settings = await settingsOf(ctx.db, ctx.config.sms, me.orgId);
  return {
    text: rewrite.text,
    encoding: composed.encoding,
    segments: composed.segments,
    characters: composed.characters,
    remaining: composed.remaining,
    nonGsmCharacters: composed.nonGsmCharacters,
    costMicros: costOf(composed.segments, settings.pricePerSegmentMicros),
    replaced: rewrite.replaced,
  };
}

/** Refusals with an error code of their own; the others are `sms_refused`, the reason in the issue. */
const codeOf: Partial<Record<RefusalReason, ErrorCode>> = {
  [RefusalReason.overBudget]: ErrorCode.overBudget,
  [RefusalReason.tooLong]: ErrorCode.smsTooLong,
  [RefusalReason.senderQuota]: ErrorCode.rateLimited,
};

/** The gateway's refusals, as the API's clear 4xx errors. */
export async function refusalsAsHttp<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof SmsRefused)) throw err;
    const code = codeOf[err.reason] ?? ErrorCode.smsRefused;
    throw new Refusal(code, err.message, [{ path: err.reason === RefusalReason.invalidNumber ? 'to' : '', message: err.reason }]);
  }
}
