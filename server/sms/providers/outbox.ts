import type { OutgoingSms, ProviderSink, ProviderStatus, SmsProvider, SubmitOutcome } from './provider.ts';

/**
 * The default provider: nothing leaves the machine. Messages are "sent" into the
 * Outbox, where a newcomer sees exactly what would go out, segments and cost included.
 * `simulateReceipt` and `simulateReply` let a demo (and the contract suite) play the
 * member's phone.
 */
export class OutboxProvider implements SmsProvider {
  readonly name = 'outbox' as const;
  private sink: ProviderSink | null = null;
  private readonly since = new Date().toISOString();
  readonly sent: OutgoingSms[] = [];

  async start(sink: ProviderSink) {
    this.sink = sink;
  }

  async stop() {
    this.sink = null;
  }

  capacity() {
    return 100;
  }

  async submit(sms: OutgoingSms): Promise<SubmitOutcome> {
    this.sent.push(sms);
    const parts = sms.parts ?? sms.composed.parts.map((_, i) => i + 1);
    return { outcome: 'accepted', providerIds: parts.map((part) => `outbox-${sms.id}-${part}`) };
  }

  status(): ProviderStatus {
    return {
      provider: 'outbox',
      connected: true,
      detail: 'Outbox: messages are kept here and never leave this machine.',
      since: this.since,
      inFlight: 0,
      window: 100,
      throttledUntil: null,
    };
  }

  onReady() {}

  async simulateReceipt(messageId: string, status: 'delivered' | 'undelivered') {
    const sms = this.sent.find((s) => s.id === messageId);
    for (let i = 0; i < (sms?.composed.parts.length ?? 1); i++) {
      await this.sink?.receipt({ providerId: `outbox-${messageId}-${i + 1}`, status, detail: 'simulated in the Outbox' });
    }
  }

  async simulateReply(from: string, text: string, orgId?: string) {
    await this.sink?.inbound({ from, to: 'outbox', text, providerId: null, ...(orgId ? { orgId } : {}) });
  }
}
