import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.ts';

/** One message as the transport sends it (already rendered). */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo: string | null;
  unsubscribeUrl: string | null;
  kind: string;
}

export type SendOutcome =
  | { outcome: 'sent'; response: string }
  | { outcome: 'transient'; detail: string }
  | { outcome: 'rejected'; bounced: boolean; detail: string };

export interface MailTransport {
  readonly name: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

/** Without SMTP_URL: the message stays in the relay, where administrators read it. */
export const outboxTransport: MailTransport = {
  name: 'outbox',
  send: () => Promise.resolve({ outcome: 'sent', response: 'kept in the in-app mail outbox' }),
  close: () => undefined,
};

interface SmtpError {
  responseCode?: number;
  command?: string;
  code?: string;
  response?: string;
  message?: string;
}

/** Reads what an SMTP failure means: 5xx is permanent (at RCPT: the address bounced), the rest is temporary. */
export function classifySmtpError(err: unknown): SendOutcome {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SmtpError;
  const detail = (e.response ?? e.message ?? String(err)).slice(0, 500);
  const code = e.responseCode;
  if (code !== undefined && code >= 500 && code < 600 && e.code !== 'EAUTH') {
    return { outcome: 'rejected', bounced: /RCPT/i.test(e.command ?? ''), detail };
  }
  return { outcome: 'transient', detail: code ? detail : `${e.code ?? 'error'}: ${detail}` };
}

/** Sends over SMTP with nodemailer (smtp:// or smtps://, pooled connections). */
export function smtpTransport(config: MailConfig): MailTransport {
  const transporter = nodemailer.createTransport(config.smtpUrl ?? '', {
    pool: true,
    maxConnections: config.concurrency,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  const domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'localhost';
  return {
    name: 'smtp',
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: config.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${mail.id}@${domain}>`,
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          headers: {
            'Auto-Submitted': 'auto-generated',
            'X-Conclave-Kind': mail.kind,
            ...(mail.unsubscribeUrl
              ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
              : {}),
          },
        });
        return { outcome: 'sent', response: String(info.response ?? '').slice(0, 500) };
      } catch (err) {
        return classifySmtpError(err);
      }
    },
    close: () => transporter.close(),
  };
}
