/**
 * The SMS gateway: the one way the rest of the relay sends SMS and hears back.
 *
 * Reach it as `ctx.sms`. Every area (daily figures, decisions, ideas…) uses it like this:
 *
 *   const { id } = await ctx.sms.enqueue({
 *     orgId, userId,                      // or `to: '+33612345678'` for a bare number
 *     text: 'CA hier : 12 340 € (+4 %)',
 *     kind: 'figures.daily',              // who sent it: listeners are keyed by kind
 *     idempotencyKey: `figures:${day}:${userId}`, // same key → same message, never sent twice
 *     expectsReply: { kind: 'choice', subject: `poll:${pollId}` }, // optional
 *     urgent: false,                      // non-urgent messages wait for the end of quiet hours
 *   });
 *
 *   ctx.sms.onReply('decisions.poll', async (reply) => { ... reply.answer ... });
 *   ctx.sms.onStatus('figures.daily', async (change) => { ... change.status ... });
 *
 * Rules the gateway keeps for every caller:
 * - `enqueue` commits the message to SQLite before it returns; it is then sent exactly
 *   once, or ends `failed`/`expired` visibly (the status listener is told). Enqueuing
 *   the same `idempotencyKey` again returns the first message and sends nothing.
 * - It refuses (throws `SmsRefused`, with a `reason` code) a recipient without a
 *   recorded opt-in, one who said STOP, an invalid number, an empty text, a text over
 *   10 SMS, answer choices that are STOP/START/HELP words, or a send beyond the
 *   organisation's monthly budget, or beyond the daily quota of the person who asked
 *   for it (`requestedBy`). Nothing is stored when it refuses.
 * - The text loses control and bidi characters (core/text/clean.ts) before anything else.
 * - STOP/START/HELP confirmations count against the budget too, go at most
 *   SMS_CONFIRMATIONS_PER_NUMBER_DAILY times a day to one number and
 *   SMS_CONFIRMATIONS_UNKNOWN_DAILY times a day to numbers that are no one's.
 * - Status listeners hear every forward move (sent, delivered, undelivered, failed,
 *   expired) and each return to the queue for a retry; a message that ends `failed`
 *   after its last attempt is announced so the sender can tell its user.
 * - Only one message is ever handed to the provider per key: a crash or a dropped link
 *   leaves it "in doubt"; a receipt confirms it, and only without one for
 *   SMS_UNCONFIRMED_GRACE_MS is it queued again (see worker.ts).
 * - A reply ("OK", "B") is matched to the latest message to that number that expected
 *   one; listeners of that message's `kind` hear it. STOP/START/HELP never reach them.
 * - Listeners run after the change is committed; one that throws is logged, not retried.
 */
import type { SmsEncoding } from '#core/sms/compose';
import type { ProviderStatus, ProviderWebhook } from './providers/provider.ts';
import type { SmsStatus } from './status.ts';

export type { SmsStatus } from './status.ts';

/** What a message that expects an answer waits for: an acknowledgement or a choice. */
export interface ExpectedReply {
  kind: 'ack' | 'choice';
  /** What the answer is about, as the sender names it, e.g. `poll:abc123`. */
  subject: string;
  /** For choices: the letters that count as answers (default A–Z). */
  choices?: string[];
}

export interface EnqueueRequest {
  orgId: string;
  /** A person of the organisation; their phone and consent are used. */
  userId?: string;
  /** A bare number (E.164 or as typed, read in the organisation's region), if no userId. */
  to?: string;
  text: string;
  /** The sending area and purpose, e.g. `figures.daily`; listeners are keyed by it. */
  kind: string;
  /** One logical message = one key (per organisation). */
  idempotencyKey: string;
  expectsReply?: ExpectedReply;
  /** Urgent messages ignore quiet hours. */
  urgent?: boolean;
  /** Who asked for it (a user id), for the delivery log. */
  requestedBy?: string;
  /**
   * A code the person asked for, to prove a number is theirs: it goes without a recorded
   * opt-in (never to a number that said STOP). Nothing else may set this.
   */
  verification?: boolean;
}

export interface EnqueuedSms {
  id: string;
  segments: number;
  encoding: SmsEncoding;
  status: SmsStatus;
  /** When it will be sent at the earliest (later than now in quiet hours). */
  notBefore: string;
  /** True when this key had been enqueued before: nothing new was queued. */
  duplicate: boolean;
}

/** A reply a member sent to a message that expected one. */
export interface SmsReply {
  replyId: string;
  orgId: string;
  userId: string | null;
  from: string;
  text: string;
  /** The message it answers, and what that message was about. */
  messageId: string;
  subject: string;
  /** 'OK' for an acknowledgement, the upper-case letter for a choice, null if neither. */
  answer: string | null;
  receivedAt: string;
}

/** A message reached a new status (only forward: queued → sending → sent → final). */
export interface SmsStatusChange {
  messageId: string;
  orgId: string;
  userId: string | null;
  kind: string;
  idempotencyKey: string;
  status: SmsStatus;
  /** Why, for failures: the provider's error or our own reason. */
  detail: string | null;
  at: string;
}

export type ReplyListener = (reply: SmsReply) => Promise<void> | void;
export type StatusListener = (change: SmsStatusChange) => Promise<void> | void;

/** Why `enqueue` refused a message. */
export const RefusalReason = {
  noConsent: 'no_consent',
  optedOut: 'opted_out',
  noPhone: 'no_phone',
  invalidNumber: 'invalid_number',
  emptyText: 'empty_text',
  /** More than ten SMS (`maxParts`). */
  tooLong: 'too_long',
  overBudget: 'over_budget',
  unknownPerson: 'unknown_person',
  /** An answer choice that is a STOP/START/HELP word (it would unsubscribe people). */
  reservedKeyword: 'reserved_keyword',
  /** The person had this month's information SMS the organisation allows each person. */
  personCap: 'person_cap',
  /** The person who asked for it reached their SMS for the day (`senderDailyLimit`). */
  senderQuota: 'sender_quota',
  /** The person who asked for it may not text many people (SMS settings: `massSms`). */
  senderNotAllowed: 'sender_not_allowed',
  /** The idea's author was already texted about it today. */
  dailyLimit: 'daily_limit',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

export class SmsRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

/** The Outbox's stand-in for members' phones: a demo (or a test) plays their receipts and replies. */
export interface SimulatedPhones {
  simulateReceipt(messageId: string, status: 'delivered' | 'undelivered'): Promise<void>;
  /** A reply from `from` as an administrator of `orgId` plays it: it concerns that organisation alone. */
  simulateReply(from: string, text: string, orgId?: string): Promise<void>;
}

export interface SmsGateway {
  enqueue(request: EnqueueRequest): Promise<EnqueuedSms>;
  onReply(kind: string, listener: ReplyListener): void;
  onStatus(kind: string, listener: StatusListener): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The link an organisation's SMS go through (its own account's, else the relay's), for its administrator's status panel. */
  providerStatus(orgId?: string): ProviderStatus;
  /** An organisation's sender or provider account changed: the links follow. */
  accountsChanged(): Promise<void>;
  /** Calls the provider's far end makes to the relay (Twilio's callbacks); the SMS routes serve them. */
  webhooks(): readonly ProviderWebhook[];
  /** The Outbox's simulated phones; null with a provider that reaches real ones. */
  simulatedPhones(): SimulatedPhones | null;
}
