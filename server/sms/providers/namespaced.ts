import type { OutgoingSms, ProviderSink, ProviderStatus, ProviderWebhook, SmsProvider, SubmitOutcome } from './provider.ts';

/**
 * An organisation's own account beside the relay's: the ids it hands out (SMSC message ids,
 * Twilio SIDs) are its own and may collide with another account's, so they are kept with a
 * prefix naming the account, on the way in (accepted parts) and on the way back (receipts).
 */
export class NamespacedProvider implements SmsProvider {
  constructor(
    private readonly inner: SmsProvider,
    private readonly prefix: string,
  ) {}

  get name() {
    return this.inner.name;
  }

  start(sink: ProviderSink) {
    return this.inner.start({
      receipt: (r) => sink.receipt({ ...r, providerId: r.providerId === null ? null : this.prefix + r.providerId }),
      inbound: (m) => sink.inbound(m),
    });
  }

  stop() {
    return this.inner.stop();
  }

  capacity() {
    return this.inner.capacity();
  }

  async submit(sms: OutgoingSms): Promise<SubmitOutcome> {
    const accepted = sms.partAccepted;
    const outcome = await this.inner.submit({ ...sms, ...(accepted ? { partAccepted: (part: number, id: string) => accepted(part, this.prefix + id) } : {}) });
    return outcome.outcome === 'accepted' ? { outcome: 'accepted', providerIds: outcome.providerIds.map((id) => this.prefix + id) } : outcome;
  }

  status(): ProviderStatus {
    return this.inner.status();
  }

  onReady(listener: () => void) {
    this.inner.onReady(listener);
  }

  webhooks(): readonly ProviderWebhook[] {
    return this.inner.webhooks?.() ?? [];
  }
}
