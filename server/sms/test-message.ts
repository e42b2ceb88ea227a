import type { SendTestSmsRequest } from '#core/api/sms';
import type { z } from 'zod';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { withSmsRefusals } from './refusals.ts';

/**
 * An administrator's test SMS, sent at once (urgent). The same `Idempotency-Key` sends
 * it once, however often the request is repeated; without one, each request is a new SMS.
 */
export async function sendTestSms(ctx: Context, admin: Caller, input: z.infer<typeof SendTestSmsRequest>, idempotencyKey: string | undefined) {
  const sms = await withSmsRefusals(
    ctx.sms.enqueue({
      orgId: admin.orgId,
      to: input.to,
      text: input.text,
      kind: 'admin.test',
      idempotencyKey: idempotencyKey ? `admin.test:${idempotencyKey.slice(0, 200)}` : `admin.test:${newId()}`,
      urgent: true,
      requestedBy: admin.id,
      ...(input.expectsReply ? { expectsReply: { kind: input.expectsReply, subject: 'admin.test' } } : {}),
    }),
  );
  return { id: sms.id, segments: sms.segments, encoding: sms.encoding, status: sms.status };
}
