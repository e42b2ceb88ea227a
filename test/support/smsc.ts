import smpp, { type PDU, type Session } from 'smpp';
import type { AddressInfo } from 'node:net';
import { gsmSeptets } from '#core/sms/gsm7';
import { readText } from '../../server/sms/providers/smpp-pdus.ts';

/** One submit_sm as the SMSC received it, byte for byte. */
export interface ReceivedSubmit {
  systemId: string;
  messageId: string | null;
  source: string;
  destination: string;
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  shortMessage: Buffer;
  ref: number | undefined;
  answered: boolean;
}

export interface SmscOptions {
  systemId?: string;
  password?: string;
  /** Send a delivery receipt right after each accepted submit (default true). */
  receipts?: boolean;
  /** Include the receipted_message_id / message_state / user_message_reference TLVs. */
  receiptTlvs?: boolean;
  /**
   * When each submit's receipts go, relative to its submit_sm_resp:
   * - `after-response` (default): on the next turn, after the response went out;
   * - `with-response`: in the same write as the response (one TCP segment), as fast SMSCs do;
   * - `before-response`: first; the response goes only once the relay answered them
   *   (as an SMSC that reports on another bind does: the relay hears of the
   *   message before it knows its id).
   */
  receiptTiming?: 'after-response' | 'with-response' | 'before-response';
  /** Every receipt is sent twice. */
  duplicateReceipts?: boolean;
  /** An intermediate notification (ENROUTE) besides the final receipt: before it, or after it. */
  intermediate?: 'none' | 'before' | 'after';
  /** The receipts of a concatenated message wait for its last part, then go last part first. */
  partsInReverse?: boolean;
}

type DeliverFields = ConstructorParameters<typeof smpp.PDU>[1];

/**
 * An SMSC on loopback for tests and benchmarks, built on the `smpp` package's server.
 * It accepts one system_id, answers submit_sm with message ids, sends delivery receipts
 * (kept for the next bind when nobody is bound, redelivered when unanswered, like a real
 * SMSC), and can be told to throttle, drop the connection, or hold binds.
 */
export class TestSmsc {
  readonly submits: ReceivedSubmit[] = [];
  binds = 0;
  throttledAnswers = 0;
  private server = smpp.createServer((session) => this.onSession(session));
  private bound: Session | null = null;
  private nextId = 1;
  private readonly waitingReceipts: DeliverFields[] = [];
  private throttleUntil = 0;
  private dropAt: number | null = null;
  private dropAfterSeq: number | null = null;
  private swallowSeq: number | null = null;
  /** Submits that reached the SMSC and were ignored (`swallowPart`): never recorded, never answered. */
  swallowed = 0;
  private readonly deaf = new WeakSet<Session>();
  private held: (() => void)[] | null = null;
  readonly options: Required<SmscOptions>;
  /** What the final receipt of each submit says (a part may be undelivered). */
  outcome: (submit: ReceivedSubmit) => 'delivered' | 'undelivered' = () => 'delivered';

  constructor(options: SmscOptions = {}) {
    this.options = {
      systemId: 'conclave',
      password: 'secret',
      receipts: true,
      receiptTlvs: true,
      receiptTiming: 'after-response',
      duplicateReceipts: false,
      intermediate: 'none',
      partsInReverse: false,
      ...options,
    };
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `smpp://${this.options.systemId}:${this.options.password}@127.0.0.1:${port}`;
  }

  async close() {
    for (const s of [...this.server.sessions]) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answer ESME_RTHROTTLED to every submit_sm for `ms` from now. */
  throttleFor(ms: number) {
    this.throttleUntil = Date.now() + ms;
  }

  /** Answer every submit_sm with this error status (e.g. ESME_RINVDSTADR) while set; null to accept again. */
  refuseWith: number | null = null;

  /** After receiving the n-th submit_sm overall, drop the connection without answering it. */
  dropAfter(n: number) {
    this.dropAt = n;
  }

  /**
   * Answers the next concatenated part numbered `seq` (its UDH sequence), then closes
   * the connection at once: whatever else comes on that connection is not received.
   */
  dropAfterPart(seq: number) {
    this.dropAfterSeq = seq;
  }

  /**
   * Ignores the next concatenated part numbered `seq` as if it never arrived (no
   * answer, no receipt): the relay waits for the answer, e.g. to be killed meanwhile.
   */
  swallowPart(seq: number) {
    this.swallowSeq = seq;
  }

  /** Submits that reached a session made deaf (`deafen`): never recorded, never answered. */
  unheard = 0;

  /**
   * The sessions bound now stop answering: what they receive from here on is neither
   * recorded nor answered, so the relay holds it "in doubt" (e.g. to be killed meanwhile).
   * Sessions bound later answer as usual.
   */
  deafen() {
    for (const session of this.server.sessions) this.deaf.add(session);
  }

  /** Drops the bound sessions and keeps any new bind waiting until `releaseBinds`. */
  holdBinds() {
    this.held ??= [];
    for (const session of [...this.server.sessions]) session.destroy();
  }

  releaseBinds() {
    const held = this.held ?? [];
    this.held = null;
    for (const release of held) release();
  }

  get isBound() {
    return this.bound !== null;
  }

  /** A member's reply (mobile originated), sent to the bound relay, addressed to `to` (the sender it answers). */
  async deliverMo(from: string, text: string, ucs2 = false, to = 'Conclave'): Promise<number> {
    const session = this.bound;
    if (!session) throw new Error('nobody is bound');
    const data = ucs2 ? Buffer.from(text, 'utf16le').swap16() : Buffer.from([...text].flatMap((c) => gsmSeptets(c) ?? [0x20]));
    return new Promise<number>((resolve) => {
      session.deliver_sm(
        { source_addr_ton: 1, source_addr_npi: 1, source_addr: from.replace(/^\+/, ''), destination_addr: to, esm_class: 0, data_coding: ucs2 ? 8 : 0, short_message: data },
        (resp) => resolve(resp.command_status),
      );
    });
  }

  /**
   * A delivery receipt naming no message id (neither in its text nor a TLV), from `from`:
   * the relay cannot match it to anything, nor keep it for later.
   */
  async receiptWithoutId(from: string): Promise<number> {
    const session = this.bound;
    if (!session) throw new Error('nobody is bound');
    const text = Buffer.from('sub:001 dlvrd:001 stat:DELIVRD err:000 text:');
    return new Promise<number>((resolve) => {
      session.deliver_sm(
        { source_addr_ton: 1, source_addr_npi: 1, source_addr: from.replace(/^\+/, ''), destination_addr: 'Conclave', esm_class: 0x04, data_coding: 0, short_message: text },
        (resp) => resolve(resp.command_status),
      );
    });
  }

  /** Full texts received per message (parts joined by their UDH reference), with each part. */
  messages(): { destination: string; text: string; parts: ReceivedSubmit[] }[] {
    const out = new Map<string, { destination: string; text: string; parts: ReceivedSubmit[] }>();
    this.submits.forEach((s, i) => {
      const udh = s.esmClass & 0x40 ? s.shortMessage.subarray(0, s.shortMessage[0]! + 1) : null;
      const key = udh ? `${s.destination}:${udh[3]}:${udh[4]}:${s.ref}` : `single:${i}`;
      const entry = out.get(key) ?? { destination: s.destination, text: '', parts: [] };
      entry.parts.push(s);
      out.set(key, entry);
    });
    for (const entry of out.values()) {
      entry.parts.sort((a, b) => (a.shortMessage[5] ?? 0) - (b.shortMessage[5] ?? 0));
      entry.text = entry.parts.map((p) => readText(p.dataCoding, p.esmClass, p.shortMessage)).join('');
    }
    return [...out.values()];
  }

  /** Which of the texts "<prefix> #0" … "<prefix> #n-1" never came, and which came more than once. */
  onceEach(prefix: string, n: number): { missing: number[]; twice: number[] } {
    const counts = this.countsByText();
    const missing: number[] = [];
    const twice: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = counts.get(`${prefix} #${i}`) ?? 0;
      if (c === 0) missing.push(i);
      if (c > 1) twice.push(i);
    }
    return { missing, twice };
  }

  /** How many times each text was received. */
  countsByText(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages()) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    return counts;
  }

  private onSession(session: Session) {
    let systemId = '';
    session.on('bind_transceiver', (pdu: PDU) => {
      const answer = () => {
        if (pdu.system_id !== this.options.systemId || pdu.password !== this.options.password) {
          session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
          session.close();
          return;
        }
        systemId = pdu.system_id;
        this.binds++;
        this.bound = session;
        session.send(pdu.response({ system_id: 'test-smsc' }));
        for (const receipt of this.waitingReceipts.splice(0)) this.sendReceipt(receipt);
      };
      if (this.held) this.held.push(answer);
      else answer();
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: PDU) => this.onSubmit(session, systemId, pdu));
    session.on('close', () => {
      if (this.bound === session) this.bound = null;
    });
    session.on('error', () => undefined);
  }

  private onSubmit(session: Session, systemId: string, pdu: PDU) {
    if (this.deaf.has(session)) {
      this.unheard++;
      return;
    }
    const esm = pdu.esm_class ?? 0;
    const seq = esm & 0x40 ? pdu.short_message?.[5] : undefined;
    if (seq !== undefined && seq === this.swallowSeq) {
      this.swallowSeq = null;
      this.swallowed++;
      return;
    }
    if (Date.now() < this.throttleUntil) {
      this.throttledAnswers++;
      session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
      return;
    }
    if (this.refuseWith !== null) {
      session.send(pdu.response({ command_status: this.refuseWith }));
      return;
    }
    const messageId = `M${String(this.nextId++).padStart(8, '0')}`;
    const submit: ReceivedSubmit = {
      systemId,
      messageId,
      source: pdu.source_addr ?? '',
      destination: pdu.destination_addr ?? '',
      esmClass: pdu.esm_class ?? 0,
      dataCoding: pdu.data_coding ?? 0,
      registeredDelivery: pdu.registered_delivery ?? 0,
      shortMessage: Buffer.from(pdu.short_message ?? Buffer.alloc(0)),
      ref: pdu.user_message_reference,
      answered: false,
    };
    this.submits.push(submit);
    if (this.dropAt !== null && this.submits.length >= this.dropAt) {
      this.dropAt = null;
      // The relay never hears of this submit: its receipt waits for the next bind.
      if (this.options.receipts && submit.registeredDelivery & 1) this.waitingReceipts.push(...this.receiptsOf(submit));
      session.destroy();
      return;
    }
    const respond = () => {
      submit.answered = true;
      session.send(pdu.response({ message_id: messageId }));
      if (seq !== undefined && seq === this.dropAfterSeq) {
        this.dropAfterSeq = null;
        this.deaf.add(session);
        // Receipts wait for the next bind rather than go down a closing connection.
        if (this.bound === session) this.bound = null;
        session.close();
      }
    };
    const receipts = this.options.receipts && submit.registeredDelivery & 1 ? this.release(submit) : [];
    if (receipts.length === 0) return respond();
    switch (this.options.receiptTiming) {
      case 'after-response':
        respond();
        setImmediate(() => receipts.forEach((r) => this.sendReceipt(r)));
        return;
      case 'with-response':
        session.socket.cork();
        respond();
        receipts.forEach((r) => this.sendReceipt(r));
        process.nextTick(() => session.socket.uncork());
        return;
      case 'before-response': {
        let left = receipts.length;
        receipts.forEach((r) => this.sendReceipt(r, () => --left === 0 && respond()));
        return;
      }
    }
  }

  /** The receipts to send now for this submit (a held concatenated message's all at once). */
  private release(submit: ReceivedSubmit): DeliverFields[] {
    const own = this.receiptsOf(submit);
    const udh = submit.esmClass & 0x40 ? submit.shortMessage : null;
    if (!this.options.partsInReverse || !udh) return own;
    const key = `${submit.destination}:${udh[3]}:${submit.ref}`;
    const held = [...(this.heldParts.get(key) ?? []), own];
    if (udh[5] !== udh[4]) {
      this.heldParts.set(key, held);
      return [];
    }
    this.heldParts.delete(key);
    return held.reverse().flat();
  }
  private readonly heldParts = new Map<string, DeliverFields[][]>();

  /** One submit's notifications in the order the options say: intermediate, final, duplicates. */
  private receiptsOf(submit: ReceivedSubmit): DeliverFields[] {
    const final = this.receiptFields(submit, this.outcome(submit));
    const once =
      this.options.intermediate === 'none' || !(submit.registeredDelivery & 0x10)
        ? [final]
        : this.options.intermediate === 'before'
          ? [this.receiptFields(submit, 'enroute'), final]
          : [final, this.receiptFields(submit, 'enroute')];
    return this.options.duplicateReceipts ? [...once, ...once] : once;
  }

  /** Sends the receipt of an earlier submit (for SMSCs built with `receipts: false`). */
  receiptFor(messageId: string, outcome: 'delivered' | 'undelivered' = 'delivered') {
    const submit = this.submits.find((s) => s.messageId === messageId);
    if (!submit) throw new Error(`no submit ${messageId}`);
    this.queueReceipt(submit, outcome);
  }

  private queueReceipt(submit: ReceivedSubmit, outcome: 'delivered' | 'undelivered' = 'delivered') {
    const fields = this.receiptFields(submit, outcome);
    setImmediate(() => this.sendReceipt(fields));
  }

  private receiptFields(submit: ReceivedSubmit, outcome: 'delivered' | 'undelivered' | 'enroute'): DeliverFields {
    const stamp = '2611230600';
    const [stat, err, state, dlvrd] = {
      delivered: ['DELIVRD', '000', 2, '001'],
      undelivered: ['UNDELIV', '001', 5, '000'],
      enroute: ['ENROUTE', '000', 1, '000'],
    }[outcome] as [string, string, number, string];
    const text = `id:${submit.messageId} sub:001 dlvrd:${dlvrd} submit date:${stamp} done date:${stamp} stat:${stat} err:${err} text:`;
    return {
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: submit.destination,
      destination_addr: submit.source,
      esm_class: outcome === 'enroute' ? 0x20 : 0x04,
      data_coding: 0,
      short_message: Buffer.from(text, 'ascii'),
      ...(this.options.receiptTlvs
        ? { receipted_message_id: submit.messageId ?? '', message_state: state, user_message_reference: submit.ref }
        : {}),
    };
  }

  private sendReceipt(fields: DeliverFields, answered?: () => void) {
    const session = this.bound;
    if (!session) {
      this.waitingReceipts.push(fields);
      answered?.();
      return;
    }
    const entry = fields;
    let unanswered = this.unanswered.get(session);
    if (!unanswered) {
      const set = new Set<DeliverFields>();
      this.unanswered.set(session, set);
      unanswered = set;
      // Receipts the relay never acknowledged are sent again after the next bind.
      session.once('close', () => {
        this.waitingReceipts.push(...set);
        this.unanswered.delete(session);
      });
    }
    unanswered.add(entry);
    const sent = session.send(new smpp.PDU('deliver_sm', fields), (resp) => {
      unanswered.delete(entry);
      if (resp.command_status !== 0) setTimeout(() => this.sendReceipt(fields), 100);
      answered?.();
    });
    if (!sent) {
      unanswered.delete(entry);
      this.waitingReceipts.push(entry);
      answered?.();
    }
  }
  private readonly unanswered = new Map<Session, Set<DeliverFields>>();
}
