import type { SmsProviderName } from '#core/api/sms';
import type { ComposedSms } from '#core/sms/compose';

/**
 * What every SMS provider does for the gateway. One contract test suite
 * (test/integration/sms/provider-contract.test.ts) runs against each of them.
 */
export interface OutgoingSms {
  id: string;
  /** A 16-bit reference sent along (SMPP user_message_reference) to recognise receipts. */
  ref: number;
  to: string;
  /** The organisation's own sender (source address, Twilio From); the provider's when absent. */
  from?: string;
  composed: ComposedSms;
  /**
   * The part numbers (1-based) still to send, in order; all of them when absent. A retry
   * after a dropped link or a crash names only the parts the provider has not accepted;
   * each keeps its own number and the message's reference in its header.
   */
  parts?: number[];
  /**
   * Told, and awaited, when a part other than the last is accepted, before the next one
   * goes: the gateway commits it, so what a crash leaves in doubt is one part at most.
   */
  partAccepted?: (part: number, providerId: string) => Promise<void>;
}

export type SubmitOutcome =
  /** Taken by the provider; `providerIds` has one id per part sent (or one for the whole). */
  | { outcome: 'accepted'; providerIds: string[] }
  /** The provider asked us to slow down: back to the queue, no attempt counted. */
  | { outcome: 'throttled'; detail: string }
  /** Worth another try later (system error, connection not up, queue full). */
  | { outcome: 'transient'; detail: string }
  /** Will never work (bad number, refused content). */
  | { outcome: 'permanent'; detail: string }
  /** Written to the provider but the answer was lost: it may have it. Wait for news. */
  | { outcome: 'unconfirmed'; detail: string };

export type ReceiptStatus = 'sent' | 'delivered' | 'undelivered' | 'expired' | 'failed';

export interface Receipt {
  /** The provider's id of the message (or of one of its parts), when known. */
  providerId: string | null;
  /** Our own id, when the provider echoes it (Twilio status callback URL). */
  messageId?: string;
  /** Our 16-bit reference and the recipient, when the provider echoes them (SMPP). */
  ref?: number;
  to?: string;
  status: ReceiptStatus;
  detail: string | null;
}

export interface Inbound {
  from: string;
  /** The address it was sent to (our sender, a short code, the Twilio number). */
  to: string;
  text: string;
  providerId: string | null;
  /** A reply an administrator played in the Outbox: it concerns their organisation alone. */
  orgId?: string;
}

/** Where a provider hands what it hears; resolves once it is durably recorded. */
export interface ProviderSink {
  receipt(receipt: Receipt): Promise<void>;
  inbound(message: Inbound): Promise<void>;
}

export interface ProviderStatus {
  provider: SmsProviderName;
  /** Bound (SMPP), reachable (Twilio), always (outbox). */
  connected: boolean;
  detail: string;
  since: string | null;
  inFlight: number;
  window: number;
  throttledUntil: string | null;
}

export interface SmsProvider {
  readonly name: ProviderStatus['provider'];
  start(sink: ProviderSink): Promise<void>;
  stop(): Promise<void>;
  /** How many more messages may be handed to `submit` now. */
  capacity(): number;
  submit(sms: OutgoingSms): Promise<SubmitOutcome>;
  status(): ProviderStatus;
  /** Called when capacity may have grown (bound again, window freed, throttle over). */
  onReady(listener: () => void): void;
  /** Calls the provider's far end makes to the relay (Twilio's callbacks); the SMS routes serve them. */
  webhooks?(): readonly ProviderWebhook[];
}

/** A call from the provider's far end, as the SMS routes read it off the wire. */
export interface WebhookCall {
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

/** Nothing to say (204), or an XML answer (Twilio's TwiML). */
export interface WebhookAnswer {
  xml?: string;
}

export interface ProviderWebhook {
  /** A `POST` path under `/api/sms/`. */
  path: string;
  /** The largest body read; more is refused before it is buffered. */
  maxBytes: number;
  handle(call: WebhookCall): Promise<WebhookAnswer>;
}
