import { ErrorCode } from '#core/api/errors';
import type { BaseContext } from '../context.ts';
import { Refusal } from '../errors.ts';
import { Pump } from '../pump.ts';
import type { MailGateway, MailRequest, QueuedMail } from './gateway.ts';
import type { Queries } from '../store/db.ts';
import { addHistory, insertMail, maxQueuedPerOrganisation, queuedCount, recordOutcome, type MailRow } from './queue.ts';
import { outboxTransport, smtpTransport, type MailTransport } from './transport.ts';

/**
 * The gateway behind `ctx.mail` (rules: gateway.ts). A worker claims due messages,
 * commits them as `sending`, hands them to the transport, and records the answer.
 */
export class MailService implements MailGateway {
  readonly transport: MailTransport;
  private readonly pump: Pump;
  private stopped = true;

  constructor(private readonly ctx: BaseContext) {
    this.transport = ctx.config.mail.smtpUrl ? smtpTransport(ctx.config.mail) : outboxTransport;
    this.pump = new Pump('mail', {
      log: ctx.log,
      now: ctx.now,
      next: async () =>
        (await ctx.db.get<{ at: string | null }>("SELECT MIN(next_attempt_at) AS at FROM mail_messages WHERE status = 'queued'"))?.at ?? null,
      work: () => this.sendDue(),
    });
  }

  async enqueue(request: MailRequest): Promise<QueuedMail> {
    const at = this.ctx.now().toISOString();
    const result = await this.ctx.db.transaction((tx) => insertMail(tx, request, at));
    if (result === 'full') {
      throw new Refusal(ErrorCode.rateLimited, 'Too many e-mails are waiting to be sent for this organisation; try again later.');
    }
    if (!result.duplicate) {
      this.ctx.log.info({ mailId: result.id, kind: request.kind }, 'mail queued');
      this.wake();
    }
    return result;
  }

  async enqueueIn(tx: Queries, orgId: string, requests: MailRequest[]): Promise<QueuedMail[] | 'full'> {
    const room = maxQueuedPerOrganisation - (await queuedCount(tx, orgId));
    if (requests.length > room) return 'full';
    const at = this.ctx.now().toISOString();
    const queued: QueuedMail[] = [];
    for (const request of requests) {
      const result = await insertMail(tx, { ...request, orgId }, at, room);
      if (result === 'full') return 'full';
      queued.push(result);
    }
    return queued;
  }

  wake() {
    this.pump.wake();
  }

  async start() {
    const at = this.ctx.now().toISOString();
    await this.ctx.db.transaction(async (tx) => {
      // Kept in the outbox: nothing left the relay, so it may simply go again.
      const outbox = await tx.all<{ id: string }>("SELECT id FROM mail_messages WHERE status = 'sending' AND channel = 'outbox'");
      for (const { id } of outbox) {
        await tx.run("UPDATE mail_messages SET status = 'queued', updated_at = ? WHERE id = ?", [at, id]);
        await addHistory(tx, id, 'queued', 'the relay restarted before it was kept in the outbox', at);
      }
      // Handed to an SMTP server when the relay stopped: it may have gone. Never sent twice.
      const doubtful = await tx.all<{ id: string }>("SELECT id FROM mail_messages WHERE status = 'sending'");
      for (const { id } of doubtful) {
        await tx.run("UPDATE mail_messages SET status = 'unconfirmed', updated_at = ? WHERE id = ?", [at, id]);
        await addHistory(tx, id, 'unconfirmed', 'the relay stopped while handing it to the SMTP server: it may have gone, so it is not sent again on its own', at);
      }
      if (doubtful.length > 0) this.ctx.log.warn({ count: doubtful.length }, 'mail in doubt after a restart: not sent again');
    });
    this.stopped = false;
    await this.pump.start();
  }

  async stop() {
    this.stopped = true;
    await this.pump.stop();
    this.transport.close();
  }

  /** Sends what is due, a few at a time, until nothing is (bounded per run; a wake meanwhile runs the pump again). */
  private async sendDue(): Promise<void> {
    for (let round = 0; round < 1000 && !this.stopped; round++) {
      const claimed = await this.claim(this.ctx.config.mail.concurrency);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((row) => this.send(row)));
    }
  }

  private claim(limit: number): Promise<MailRow[]> {
    const at = this.ctx.now().toISOString();
    return this.ctx.db.transaction(async (tx) => {
      const rows = await tx.all<MailRow>(
        `UPDATE mail_messages SET status = 'sending', channel = ?, attempts = attempts + 1, updated_at = ?
          WHERE seq IN (SELECT seq FROM mail_messages WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY seq LIMIT ?)
          RETURNING *`,
        [this.transport.name, at, at, limit],
      );
      for (const row of rows) await addHistory(tx, row.id, 'sending', `attempt ${row.attempts} (${this.transport.name})`, at);
      return rows;
    });
  }

  private async send(row: MailRow) {
    const result = await this.transport.send({
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      text: row.text,
      html: row.html,
      replyTo: row.reply_to,
      unsubscribeUrl: row.unsubscribe_url,
      kind: row.kind,
    });
    const { maxAttempts, retryBaseMs } = this.ctx.config.mail;
    try {
      const status = await this.ctx.db.transaction((tx) => recordOutcome(tx, row, result, { maxAttempts, retryBaseMs, now: this.ctx.now() }));
      const level = status === 'sent' || status === 'queued' ? 'info' : 'warn';
      this.ctx.log[level]({ mailId: row.id, kind: row.kind, status, attempt: row.attempts }, 'mail attempt');
    } catch (err) {
      this.ctx.log.error({ err: String(err).slice(0, 200), mailId: row.id }, 'could not record a mail outcome');
    }
  }
}
