/**
 * The e-mail gateway: the one way the relay sends e-mail. Reach it as `ctx.mail`:
 *
 *   await ctx.mail.enqueue({
 *     orgId, userId, to: 'chloe@example.com',
 *     kind: 'invitation',                       // what it is, for the outbox and listeners
 *     idempotencyKey: `invitation:${id}:${n}`,  // same key → same message, never sent twice
 *     content: renderMail('invitation', 'fr', {...}),
 *     sensitive: true,                          // holds a one-time link: body dropped once sent by SMTP
 *   });
 *
 * Rules it keeps for every caller (README "E-mail"):
 * - `enqueue` commits the message to SQLite before it returns; a worker then hands it
 *   to SMTP (SMTP_URL) or, without one, keeps it in the in-app outbox admins read.
 * - A message is marked `sending` and that mark is committed BEFORE the SMTP server is
 *   called. A crash while sending leaves it `unconfirmed`: it may have gone, so it is
 *   never sent again on its own; an administrator sees it and may send it again.
 * - A temporary failure (4xx, a dropped connection) goes back to the queue with
 *   exponential backoff and jitter, up to MAIL_MAX_ATTEMPTS; a permanent refusal of
 *   the address ends `bounced`, any other permanent one `failed`. All visible in the outbox.
 * - Logs carry the message id, kind and status, never an address, a token or a body.
 */
import type { MailStatus } from '#core/api/mail';
import type { RenderedMail } from '#core/mail/html';
import type { Queries } from '../store/db.ts';

export type { MailStatus };

export interface MailRequest {
  orgId: string;
  /** The person it is for, when they have an account (for their export and erasure). */
  userId?: string | null;
  to: string;
  kind: string;
  idempotencyKey: string;
  content: RenderedMail;
  /** Where replies go: a reply+<token>@… address for notifications. */
  replyTo?: string | null;
  /** A one-click unsubscribe URL, sent as List-Unsubscribe (notifications). */
  unsubscribeUrl?: string | null;
  /** The body holds a one-time secret (a link): not kept once the SMTP server took it. */
  sensitive?: boolean;
  requestedBy?: string | null;
}

export interface QueuedMail {
  id: string;
  status: MailStatus;
  /** True when this key had been queued before: nothing new was queued. */
  duplicate: boolean;
}

export interface MailGateway {
  enqueue(request: MailRequest): Promise<QueuedMail>;
  /**
   * Queues many messages of one organisation inside the caller's transaction (a fan-out
   * recording, in the same commit, what it queued). The organisation's waiting messages
   * are counted once: `'full'` (nothing queued) when the batch would pass the limit —
   * the caller tries again later. Call `wake()` once the transaction committed.
   */
  enqueueIn(tx: Queries, orgId: string, requests: MailRequest[]): Promise<QueuedMail[] | 'full'>;
  /** Look for due messages now (after a retry was asked for). */
  wake(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
