import type { Logger } from 'pino';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../../errors.ts';
import type {
  OutgoingSms,
  ProviderSink,
  ProviderStatus,
  ProviderWebhook,
  ReceiptStatus,
  SmsProvider,
  SubmitOutcome,
  WebhookCall,
} from './provider.ts';
import { validTwilioSignature } from './twilio-signature.ts';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl: string;
  /** The relay's URL as Twilio reaches it; callbacks are signed over it. */
  webhookBaseUrl: string | null;
  log: Logger;
  /** Requests in flight at most. */
  concurrency?: number;
}

/** A status or inbound callback is a short form; more is refused unread. */
const callbackMaxBytes = 64 * 1024;

const callbackStatus: Record<string, ReceiptStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
};

/**
 * Twilio's Messages REST API. Our message id rides in the StatusCallback URL, so a
 * status callback finds its message even when the relay crashed before it recorded
 * Twilio's answer. Every callback's X-Twilio-Signature is checked; an unsigned or
 * wrongly signed request is refused with 403 and changes nothing.
 */
export class TwilioProvider implements SmsProvider {
  readonly name = 'twilio' as const;
  private sink: ProviderSink | null = null;
  private inFlight = 0;
  private pausedUntil = 0;
  private lastError: string | null = null;
  private readonly readyListeners: (() => void)[] = [];
  private readonly since = new Date().toISOString();

  constructor(private readonly options: TwilioOptions) {}

  async start(sink: ProviderSink) {
    this.sink = sink;
    if (!this.options.webhookBaseUrl) {
      this.options.log.warn('SMS_WEBHOOK_BASE_URL is not set: Twilio callbacks cannot be verified and will be refused');
    }
  }

  async stop() {
    this.sink = null;
  }

  onReady(listener: () => void) {
    this.readyListeners.push(listener);
  }

  capacity() {
    if (Date.now() < this.pausedUntil) return 0;
    return Math.max(0, (this.options.concurrency ?? 10) - this.inFlight);
  }

  status(): ProviderStatus {
    return {
      provider: 'twilio',
      connected: this.lastError === null,
      detail: this.lastError ?? `Twilio account ${this.options.accountSid}, from ${this.options.from}`,
      since: this.since,
      inFlight: this.inFlight,
      window: this.options.concurrency ?? 10,
      throttledUntil: this.pausedUntil > Date.now() ? new Date(this.pausedUntil).toISOString() : null,
    };
  }

  async submit(sms: OutgoingSms): Promise<SubmitOutcome> {
    const { accountSid, authToken, baseUrl, from, webhookBaseUrl } = this.options;
    const form = new URLSearchParams({ To: sms.to, From: sms.from ?? from, Body: sms.composed.text });
    if (webhookBaseUrl) form.set('StatusCallback', `${webhookBaseUrl}/api/sms/twilio/status?m=${sms.id}`);
    this.inFlight++;
    try {
      const res = await fetch(`${baseUrl}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form,
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json().catch(() => ({}))) as { sid?: string; message?: string; code?: number };
      this.lastError = null;
      if (res.ok && body.sid) return { outcome: 'accepted', providerIds: [body.sid] };
      const detail = `Twilio ${res.status}${body.code ? ` error ${body.code}` : ''}: ${body.message ?? res.statusText}`;
      if (res.status === 429) {
        this.pausedUntil = Date.now() + 1000;
        setTimeout(() => this.readyListeners.forEach((l) => l()), 1010).unref();
        return { outcome: 'throttled', detail };
      }
      if (res.status >= 500) return { outcome: 'transient', detail };
      return { outcome: 'permanent', detail };
    } catch (err) {
      // The request may have reached Twilio; its status callback will tell.
      this.lastError = `cannot reach Twilio: ${String(err)}`;
      return { outcome: 'unconfirmed', detail: this.lastError };
    } finally {
      this.inFlight--;
      this.readyListeners.forEach((l) => l());
    }
  }

  webhooks(): readonly ProviderWebhook[] {
    return [
      {
        path: '/api/sms/twilio/status',
        maxBytes: callbackMaxBytes,
        handle: async (call) => {
          const params = this.verified(call);
          const status = callbackStatus[params.MessageStatus ?? ''];
          if (status) {
            await this.sink?.receipt({
              providerId: params.MessageSid ?? null,
              messageId: call.query.get('m') ?? undefined,
              status,
              detail: params.ErrorCode ? `Twilio error ${params.ErrorCode}` : `Twilio: ${params.MessageStatus}`,
            });
          }
          return {};
        },
      },
      {
        path: '/api/sms/twilio/inbound',
        maxBytes: callbackMaxBytes,
        handle: async (call) => {
          const params = this.verified(call);
          await this.sink?.inbound({
            from: params.From ?? '',
            to: params.To ?? '',
            text: params.Body ?? '',
            providerId: params.MessageSid ?? null,
          });
          return { xml: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' };
        },
      },
    ];
  }

  private verified(call: WebhookCall): Record<string, string> {
    const params = Object.fromEntries(new URLSearchParams(call.body.toString('utf8')));
    const base = this.options.webhookBaseUrl;
    const url = `${base}${call.path}${call.query.size ? `?${call.query.toString()}` : ''}`;
    const signature = call.headers['x-twilio-signature'];
    if (!base || !validTwilioSignature(this.options.authToken, url, params, typeof signature === 'string' ? signature : undefined)) {
      throw new Refusal(ErrorCode.forbidden, 'This request is not signed by Twilio.');
    }
    return params;
  }
}
