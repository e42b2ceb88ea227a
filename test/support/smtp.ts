import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  envelopeTo: string[];
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Map<string, unknown>;
  parsed: ParsedMail;
}

/**
 * An SMTP server on loopback for tests (smtp-server + mailparser). It checks a user and
 * password, keeps what it receives, and can be told to answer 4xx for a while, refuse
 * some addresses with 550, or take a message and never answer (to kill the relay then).
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  /** Temporary refusals (451) still to give at DATA. */
  failNext = 0;
  /** Addresses refused at RCPT with 550 (a bounce). */
  readonly refuse = new Set<string>();
  /** When set, messages are read and kept but never answered. */
  hold = false;
  /** Each message is answered this long after it was read (a slow server: sends stay in flight). */
  answerDelayMs = 0;
  private readonly waiters: (() => void)[] = [];
  private server: SMTPServer;

  constructor(readonly user = 'relay', readonly pass = 'secret-smtp') {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: false,
      logger: false,
      onAuth: (auth, _session, cb) =>
        auth.username === this.user && auth.password === this.pass ? cb(null, { user: auth.username }) : cb(new Error('Invalid username or password')),
      onRcptTo: (address, _session, cb) => {
        if (this.refuse.has(address.address.toLowerCase())) {
          const err = new Error('5.1.1 No such mailbox') as Error & { responseCode: number };
          err.responseCode = 550;
          return cb(err);
        }
        cb();
      },
      // A message cut off (the sender killed mid-send) is not received, as by any server: its stream's error is not the test's.
      onData: (stream, session, cb) => void this.onData(stream, session, cb).catch((err: unknown) => cb(err instanceof Error ? err : new Error(String(err)))),
    });
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, cb: (err?: Error | null) => void) {
    const parsed = await simpleParser(stream);
    if (this.failNext > 0) {
      this.failNext--;
      const err = new Error('4.3.0 Try again later') as Error & { responseCode: number };
      err.responseCode = 451;
      return cb(err);
    }
    const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
    this.received.push({
      envelopeTo: session.envelope.rcptTo.map((r) => r.address),
      to,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? '',
      headers: parsed.headers,
      parsed,
    });
    for (const wake of this.waiters.splice(0)) wake();
    if (this.hold) return; // read and kept, never answered
    if (this.answerDelayMs > 0) setTimeout(() => cb(), this.answerDelayMs);
    else cb();
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** `smtp://user:pass@127.0.0.1:port`, for SMTP_URL. */
  get url(): string {
    return `smtp://${this.user}:${this.pass}@127.0.0.1:${this.port}`;
  }

  /** Waits until `count` messages were received (or fails after `ms`). */
  async waitFor(count: number, ms = 20_000): Promise<ReceivedMail[]> {
    const until = Date.now() + ms;
    while (this.received.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} e-mails, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.received;
  }

  /** The messages to `address` so far. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.envelopeTo.includes(address));
  }

  /** Waits for the `nth` message to `address` and returns it. */
  async nthTo(address: string, nth = 1, ms = 20_000): Promise<ReceivedMail> {
    const until = Date.now() + ms;
    for (;;) {
      const mails = this.to(address);
      if (mails.length >= nth) return mails[nth - 1]!;
      if (Date.now() > until) throw new Error(`no e-mail ${nth} to ${address}`);
      await this.waitFor(this.received.length + 1, Math.max(1, until - Date.now())).catch(() => undefined);
    }
  }

  /** Waits for the `nth` message to `address` and returns the token of its link containing `marker`. */
  async tokenTo(address: string, marker: string, nth = 1, ms = 20_000): Promise<string> {
    return linkToken((await this.nthTo(address, nth, ms)).text, marker);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The last path segment of the first link in a text that contains `marker` (an invitation or reset link). */
export function linkToken(text: string, marker: string): string {
  const link = text.split(/\s+/).find((word) => word.startsWith('http') && word.includes(marker));
  if (!link) throw new Error(`no link with ${marker} in:\n${text}`);
  return link.split('/').pop() ?? '';
}
