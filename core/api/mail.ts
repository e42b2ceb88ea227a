import { z } from 'zod';
import { Email, Id } from './common.ts';

/**
 * The mail outbox (administrators): every e-mail the relay wrote for the organisation,
 * what became of it, and — when no SMTP_URL is set — the only place it is delivered.
 *
 * - `GET /api/mail/messages?status=&kind=&before=<seq>&limit=` → `MailList`
 * - `GET /api/mail/messages/:id` → `MailDetail`
 * - `POST /api/mail/messages/:id/retry` (failed or unconfirmed) → `MailDetail`
 * - `POST /api/mail/test` `MailTestRequest` → 201 `{id}`: a test e-mail to oneself or `to`
 */
/** What becomes of an e-mail: the one list (the relay's queue and the outbox screen read it). */
export const mailStatuses = ['queued', 'sending', 'sent', 'unconfirmed', 'failed', 'bounced'] as const;
export const MailStatus = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof MailStatus>;

export const MailSummary = z.object({
  id: Id,
  /** Position in the organisation's outbox; pass as `before` for the next page. */
  seq: z.number(),
  to: z.string(),
  userId: Id.nullable(),
  kind: z.string(),
  subject: z.string(),
  status: MailStatus,
  /** Where it went: an SMTP server, or kept in this outbox. Null while never tried. */
  channel: z.enum(['smtp', 'outbox']).nullable(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailSummary = z.infer<typeof MailSummary>;

export const MailList = z.object({ messages: z.array(MailSummary), counts: z.record(z.string(), z.number()) });
export type MailList = z.infer<typeof MailList>;

export const MailDetail = MailSummary.extend({
  text: z.string(),
  html: z.string(),
  replyTo: z.string().nullable(),
  listUnsubscribe: z.string().nullable(),
  smtpResponse: z.string().nullable(),
  history: z.array(z.object({ status: MailStatus, detail: z.string().nullable(), at: z.string() })),
});
export type MailDetail = z.infer<typeof MailDetail>;

export const MailListQuery = z.strictObject({
  status: MailStatus.optional(),
  kind: z.string().max(60).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MailTestRequest = z.strictObject({ to: Email.optional() });
