import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { InboundMailConfig } from '../../config.ts';
import type { Context } from '../../context.ts';
import { findReplyGrant, tokenOf } from '../reply-tokens.ts';
import { applyReply } from './reply.ts';
import { WindowCount } from './window-count.ts';

/** Connections held at once; a message's recipients (one reply address is all a reply needs). */
const maxClients = 20;
const maxRecipients = 1;
/** Connections per IP an hour, as a multiple of the messages per sending address. */
export const perAddressFactor = 20;

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The SMTP listener for replies to notification e-mails (README "E-mail replies"), run
 * when `MAIL_INBOUND_PORT` is set. It takes mail only for reply addresses whose token is
 * live (`RCPT TO` refused otherwise, before any data), one recipient per message, at
 * most `MAIL_INBOUND_MAX_BYTES` (552 past it), `MAIL_INBOUND_PER_HOUR` messages per
 * sending address and 20 times as many connections per IP; no AUTH, no relaying. Automatic replies
 * (Auto-Submitted, Precedence bulk/junk/list, an empty MAIL FROM) are taken and dropped,
 * so out-of-office answers never loop. The rest goes to `applyReply`, which may still
 * refuse (550) — in which case nothing changed.
 */
export class InboundListener {
  private readonly server: SMTPServer;
  private readonly perSender: WindowCount;
  private readonly perAddress: WindowCount;

  constructor(
    private readonly ctx: Context,
    private readonly config: InboundMailConfig,
  ) {
    this.perSender = new WindowCount(config.perSenderPerHour);
    // One organisation's mail server may hand over everyone's replies: an IP gets more.
    this.perAddress = new WindowCount(config.perSenderPerHour * perAddressFactor);
    this.server = new SMTPServer({
      name: config.address.split('@')[1],
      banner: 'Conclave replies',
      secure: false,
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      size: config.maxBytes,
      maxClients,
      socketTimeout: 30_000,
      closeTimeout: 5_000,
      logger: false,
      onConnect: (session, cb) => {
        if (!this.perAddress.take(session.remoteAddress)) return cb(smtpError(421, '4.7.0 Too many messages from your address: try again later'));
        cb();
      },
      onMailFrom: (address, _session, cb) => {
        if (address.address && !this.perSender.take(address.address.toLowerCase())) {
          return cb(smtpError(450, '4.7.1 Too many messages from this sender: try again later'));
        }
        cb();
      },
      onRcptTo: (address, session, cb) => void this.judgeRecipient(address.address, session).then((err) => cb(err), () => cb(smtpError(451, '4.3.0 Try again later'))),
      onData: (stream, session, cb) => void this.receive(stream, session).then((err) => cb(err), () => cb(smtpError(451, '4.3.0 Try again later'))),
    });
    this.server.on('error', (err) => ctx.log.warn({ err: String(err).slice(0, 200) }, 'inbound mail: connection error'));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => resolve());
    });
    this.ctx.log.info({ port: this.port }, 'inbound mail: listening for replies');
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async judgeRecipient(recipient: string, session: SMTPServerSession): Promise<Error | null> {
    if (session.envelope.rcptTo.length >= maxRecipients) return smtpError(452, '4.5.3 One recipient per message');
    const token = tokenOf(recipient, this.config.address);
    // The same answer for a malformed, unknown or expired address.
    if (!token || !(await findReplyGrant(this.ctx.db, token, this.ctx.now()))) return smtpError(550, '5.1.1 No such recipient');
    return null;
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<Error | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= this.config.maxBytes) chunks.push(chunk);
    }
    if (stream.sizeExceeded || size > this.config.maxBytes) return smtpError(552, `5.3.4 A reply may be ${this.config.maxBytes} bytes at most`);
    // Loaded with the first message received, not at the relay's start.
    const { simpleParser } = await import('mailparser');
    const parsed = await simpleParser(Buffer.concat(chunks), { skipHtmlToText: false, skipImageLinks: true, skipTextLinks: true });
    const auto = String(parsed.headers.get('auto-submitted') ?? 'no').toLowerCase();
    const precedence = String(parsed.headers.get('precedence') ?? '').toLowerCase();
    const mailFrom = session.envelope.mailFrom;
    if (auto !== 'no' || ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) || !mailFrom || !mailFrom.address) {
      this.ctx.log.info('inbound mail: automatic reply dropped');
      return null;
    }
    const token = tokenOf(session.envelope.rcptTo[0]?.address ?? '', this.config.address);
    const from = parsed.from?.value[0]?.address ?? '';
    if (!token) return smtpError(550, '5.1.1 No such recipient');
    const outcome = await applyReply(this.ctx, { token, from, text: parsed.text ?? '', messageId: parsed.messageId });
    this.ctx.log.info({ outcome: outcome.done, why: 'why' in outcome ? outcome.why : undefined }, 'inbound mail: reply');
    if (outcome.done === 'refused') return smtpError(550, '5.7.1 This reply was not accepted');
    if (outcome.done === 'in_progress') return smtpError(451, '4.3.0 This message is being taken: try again later');
    return null;
  }
}
