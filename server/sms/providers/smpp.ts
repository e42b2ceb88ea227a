import smpp, { type PDU, type PduFields, type Session } from 'smpp';
import type { Logger } from 'pino';
import type { OutgoingSms, ProviderSink, ProviderStatus, SmsProvider, SubmitOutcome } from './provider.ts';
import {
  InterfaceVersion34,
  isReceipt,
  RegisteredDelivery,
  readReceipt,
  readText,
  sourceAddress,
  toSmppAddress,
  userData,
} from './smpp-pdus.ts';

export interface SmppOptions {
  url: string;
  window: number;
  sender: string;
  enquireLinkMs: number;
  log: Logger;
  /** First reconnect delay; doubles up to 30 s, with jitter. */
  reconnectBaseMs?: number;
}

type PartResult = { kind: 'ok'; messageId: string } | { kind: 'status'; status: number } | { kind: 'lost' };

/**
 * An SMPP 3.4 transceiver session to an operator's SMSC.
 *
 * - bind_transceiver once connected; on close, rebind after a backoff with jitter.
 * - At most `window` submit_sm wait for their submit_sm_resp at a time.
 * - ESME_RTHROTTLED pauses all submits for a delay that doubles while it lasts.
 * - enquire_link keeps the link alive; an unanswered one closes it (then rebind).
 * - deliver_sm (receipt or member's reply) is answered only after the sink has
 *   committed it, so the SMSC redelivers anything we had not recorded.
 */
export class SmppProvider implements SmsProvider {
  readonly name = 'smpp' as const;
  private session: Session | null = null;
  private bound = false;
  private stopping = false;
  private sink: ProviderSink | null = null;
  private inFlight = 0;
  /** Messages inside `submit` (in flight or waiting for a window slot). */
  private assigned = 0;
  private readonly pending = new Map<number, (r: PartResult) => void>();
  private readonly slotWaiters: (() => void)[] = [];
  private readyListeners: (() => void)[] = [];
  private reconnectAttempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private enquireTimer: NodeJS.Timeout | null = null;
  private throttledUntil = 0;
  private throttleDelay = 0;
  private since: string | null = null;
  private detail = 'not connected yet';
  private readonly target: { host: string; port: number; systemId: string; password: string };

  constructor(private readonly options: SmppOptions) {
    const url = new URL(options.url);
    this.target = {
      host: url.hostname,
      port: Number(url.port || 2775),
      systemId: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    };
  }

  async start(sink: ProviderSink) {
    this.sink = sink;
    this.stopping = false;
    this.connect();
  }

  async stop() {
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const session = this.session;
    if (session && this.bound) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        session.unbind({}, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    session?.destroy();
    this.lost('the relay is stopping');
  }

  onReady(listener: () => void) {
    this.readyListeners.push(listener);
  }

  /**
   * How many more messages the worker may hand over: the window, plus a few windows
   * waiting their turn here, so that claiming the next messages (a committed write)
   * overlaps with the SMSC answering the current ones. A message handed over but not yet
   * written goes back to the queue if the link drops (nothing was sent).
   */
  capacity() {
    if (!this.bound || Date.now() < this.throttledUntil) return 0;
    return Math.max(0, this.options.window * 4 - this.assigned);
  }

  status(): ProviderStatus {
    return {
      provider: 'smpp',
      connected: this.bound,
      detail: this.detail,
      since: this.since,
      inFlight: this.inFlight,
      window: this.options.window,
      throttledUntil: this.throttledUntil > Date.now() ? new Date(this.throttledUntil).toISOString() : null,
    };
  }

  async submit(sms: OutgoingSms): Promise<SubmitOutcome> {
    this.assigned++;
    try {
      return await this.submitParts(sms);
    } finally {
      this.assigned--;
      this.ready();
    }
  }

  /**
   * Parts go one at a time, in order: part k+1 is written only once part k is accepted
   * and recorded (`partAccepted`). A part the SMSC refuses, or cannot be written, sends
   * the message back to the queue, and the retry sends only the parts not accepted.
   */
  private async submitParts(sms: OutgoingSms): Promise<SubmitOutcome> {
    const data = userData(sms.composed, sms.ref);
    const source = sourceAddress(sms.from ?? this.options.sender);
    const dest = toSmppAddress(sms.to);
    const wanted = sms.parts ?? data.parts.map((_, i) => i + 1);
    const ids: string[] = [];
    for (const [k, part] of wanted.entries()) {
      const shortMessage = data.parts[part - 1];
      if (!shortMessage) return { outcome: 'permanent', detail: `the message has no part ${part}` };
      const result = await this.sendPart({
        source_addr_ton: source.ton,
        source_addr_npi: source.npi,
        source_addr: source.addr,
        dest_addr_ton: dest.ton,
        dest_addr_npi: dest.npi,
        destination_addr: dest.addr,
        esm_class: data.esmClass,
        registered_delivery: RegisteredDelivery.finalReceipt | RegisteredDelivery.intermediate,
        data_coding: data.dataCoding,
        short_message: shortMessage,
        user_message_reference: sms.ref,
      });
      const of = data.parts.length > 1 ? ` part ${part} of ${data.parts.length}` : '';
      if (result.kind === 'lost') {
        return { outcome: 'unconfirmed', detail: `the SMSC connection closed before it answered${of}` };
      }
      if (result.kind === 'status') {
        const verdict = this.judge(result.status);
        return { ...verdict, detail: `${verdict.detail}${of}` };
      }
      ids.push(result.messageId);
      if (k < wanted.length - 1 && sms.partAccepted) {
        try {
          await sms.partAccepted(part, result.messageId);
        } catch (err) {
          return { outcome: 'unconfirmed', detail: `accepted${of} but not recorded (${String(err)})` };
        }
      }
    }
    return { outcome: 'accepted', providerIds: ids };
  }

  private judge(status: number): Exclude<SubmitOutcome, { outcome: 'accepted' | 'unconfirmed' }> {
    const code = `0x${status.toString(16).padStart(8, '0')}`;
    if (status === smpp.ESME_RTHROTTLED) {
      this.throttle();
      return { outcome: 'throttled', detail: `ESME_RTHROTTLED (${code})` };
    }
    if (status === smpp.ESME_RMSGQFUL || status === smpp.ESME_RSYSERR || status === -1) {
      return { outcome: 'transient', detail: `SMSC error ${code}` };
    }
    if (status === smpp.ESME_RINVDSTADR) return { outcome: 'permanent', detail: `invalid destination (${code})` };
    return { outcome: 'permanent', detail: `SMSC refused it (${code})` };
  }

  private throttle() {
    // The other answers of the same burst do not make the pause any longer.
    if (Date.now() < this.throttledUntil) return;
    this.throttleDelay = Math.min(8000, this.throttleDelay ? this.throttleDelay * 2 : 250);
    const jittered = this.throttleDelay * (0.8 + 0.4 * Math.random());
    this.throttledUntil = Math.max(this.throttledUntil, Date.now() + jittered);
    setTimeout(() => this.ready(), jittered + 5).unref();
  }

  /** Sends one submit_sm when the window has room, and waits for its answer. */
  private async sendPart(fields: PduFields): Promise<PartResult> {
    while (!this.bound || this.inFlight >= this.options.window || Date.now() < this.throttledUntil) {
      if (!this.bound) return { kind: 'status', status: -1 };
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    const session = this.session!;
    this.inFlight++;
    return new Promise<PartResult>((resolve) => {
      const pdu = new smpp.PDU('submit_sm', fields);
      const settle = (result: PartResult) => {
        this.pending.delete(pdu.sequence_number);
        this.inFlight--;
        if (result.kind === 'ok') this.throttleDelay = 0;
        this.freeSlot();
        resolve(result);
      };
      const written = session.send(pdu, (resp: PDU) =>
        settle(resp.command_status === 0 ? { kind: 'ok', messageId: resp.message_id ?? '' } : { kind: 'status', status: resp.command_status }),
      );
      if (!written) settle({ kind: 'status', status: -1 });
      else this.pending.set(pdu.sequence_number, settle);
    });
  }

  private freeSlot() {
    const waiter = this.slotWaiters.shift();
    if (waiter) waiter();
    else this.ready();
  }

  private ready() {
    if (this.capacity() <= 0) return;
    for (const waiter of this.slotWaiters.splice(0)) waiter();
    for (const listener of this.readyListeners) listener();
  }

  private connect() {
    if (this.stopping) return;
    this.detail = `connecting to ${this.target.host}:${this.target.port}`;
    const session = smpp.connect({ host: this.target.host, port: this.target.port });
    this.session = session;
    session.on('connect', () => {
      session.bind_transceiver(
        { system_id: this.target.systemId, password: this.target.password, interface_version: InterfaceVersion34 },
        (resp) => {
          if (resp.command_status !== 0) {
            this.detail = `bind refused (0x${resp.command_status.toString(16)})`;
            this.options.log.warn({ status: resp.command_status }, 'SMPP bind refused');
            session.destroy();
            return;
          }
          this.bound = true;
          this.reconnectAttempt = 0;
          this.since = new Date().toISOString();
          this.detail = `bound as transceiver to ${this.target.host}:${this.target.port} as ${this.target.systemId}`;
          this.options.log.info({ host: this.target.host, port: this.target.port }, 'SMPP bound');
          this.keepAlive(session);
          this.ready();
        },
      );
    });
    session.on('pdu', (pdu: PDU) => this.onPdu(session, pdu));
    session.on('error', (err: Error) => {
      this.detail = `connection error: ${err.message}`;
    });
    session.on('close', () => {
      if (this.session !== session) return;
      this.lost('the SMSC connection closed');
      this.scheduleReconnect();
    });
  }

  private keepAlive(session: Session) {
    if (this.enquireTimer) clearInterval(this.enquireTimer);
    let waiting = false;
    this.enquireTimer = setInterval(() => {
      if (waiting) {
        this.options.log.warn('SMSC did not answer enquire_link: reconnecting');
        session.destroy();
        return;
      }
      waiting = true;
      session.enquire_link({}, () => (waiting = false));
    }, this.options.enquireLinkMs);
    this.enquireTimer.unref();
  }

  private lost(why: string) {
    this.bound = false;
    this.since = null;
    if (this.enquireTimer) clearInterval(this.enquireTimer);
    if (!this.stopping) this.detail = why;
    for (const settle of [...this.pending.values()]) settle({ kind: 'lost' });
    this.pending.clear();
    for (const waiter of this.slotWaiters.splice(0)) waiter();
  }

  private scheduleReconnect() {
    if (this.stopping) return;
    const base = this.options.reconnectBaseMs ?? 250;
    const delay = Math.min(30_000, base * 2 ** this.reconnectAttempt++) * (0.7 + 0.6 * Math.random());
    this.detail += `; reconnecting in ${Math.round(delay)} ms`;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private onPdu(session: Session, pdu: PDU) {
    if (pdu.command === 'enquire_link') session.send(pdu.response());
    else if (pdu.command === 'unbind') {
      session.send(pdu.response());
      session.close();
    } else if (pdu.command === 'deliver_sm') void this.onDeliver(session, pdu);
  }

  private async onDeliver(session: Session, pdu: PDU) {
    const esmClass = pdu.esm_class ?? 0;
    const text = readText(pdu.data_coding ?? 0, esmClass, pdu.short_message ?? pdu.message_payload ?? Buffer.alloc(0));
    const from = `+${(pdu.source_addr ?? '').replace(/^\+/, '')}`;
    try {
      if (isReceipt(esmClass)) {
        const receipt = readReceipt(pdu, text);
        await this.sink?.receipt({
          providerId: receipt.messageId,
          ref: pdu.user_message_reference,
          to: from,
          status: receipt.status,
          detail: receipt.error,
        });
      } else {
        await this.sink?.inbound({ from, to: pdu.destination_addr ?? '', text, providerId: null });
      }
      session.send(pdu.response());
    } catch (err) {
      this.options.log.error({ err }, 'could not record a deliver_sm: the SMSC will send it again');
      session.send(pdu.response({ command_status: smpp.ESME_RSYSERR }));
    }
  }
}
