import { ErrorCode } from '#core/api/errors';
import type { BaseContext } from '../context.ts';
import { Refusal } from '../errors.ts';
import { Pump } from '../pump.ts';
import type { MailGateway, MailRequest, QueuedMail } from './gateway.ts';
import type { Queries } from '../store/db.ts';
import { addHistory, claimMail, insertMail, maxQueuedPerOrganisation, queuedCount, recordOutcome, type MailRow } from './queue.ts';
import { outboxTransport, smtpTransport, type MailTransport } from './transport.ts';
import { anyLapsedMail, takeBackLapsedMail } from './takeback.ts';
import { dialectOf } from '../store/dialect.ts';

/**
 * The gateway behind `ctx.mail` (rules: gateway.ts). A worker claims due messages,
 * commits them as `sending` under this node's name, hands them to the transport, and
 * records the answer. Several nodes on one store share the queue: a claim is one
 * statement, and the claims of a node whose lease lapsed are taken back (takeback.ts).
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
      // Also looks, every second, for the claims of a node that died (a read while there are none).
      everyMs: 1000,
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
    // Whatever a stopped or dead node (this relay before its restart among them) was sending.
    await this.takeBack(true);
    this.stopped = false;
    await this.pump.start();
  }

  async stop() {
    this.stopped = true;
    await this.pump.stop();
    this.transport.close();
  }

  /** Takes back the claims of nodes whose lease lapsed (takeback.ts); any node may, at any time. */
  private async takeBack(surely = false) {
    if (!surely && !(await anyLapsedMail(this.ctx.db, Date.now()))) return;
    const at = this.ctx.now().toISOString();
    const taken = await this.ctx.db.transaction((tx) => takeBackLapsedMail(tx, Date.now(), at));
    if (taken.unconfirmed > 0) this.ctx.log.warn({ count: taken.unconfirmed }, 'mail in doubt after a node stopped: not sent again');
    if (taken.requeued > 0) this.wake();
  }

  /** Sends what is due, a few at a time, until nothing is (bounded per run; a wake meanwhile runs the pump again). */
  private async sendDue(): Promise<void> {
    await this.takeBack();
    // A node unsure of its own lease claims nothing: another node may be taking its claims back.
    if (!this.ctx.node.holds()) return;
    // The pump also runs every second: an idle node only reads.
    const due = await this.ctx.db.get<{ n: number }>("SELECT 1 AS n FROM mail_messages WHERE status = 'queued' AND next_attempt_at <= ? LIMIT 1", [
      this.ctx.now().toISOString(),
    ]);
    if (!due) return;
    for (let round = 0; round < 1000 && !this.stopped; round++) {
      const claimed = await this.claim(this.ctx.config.mail.concurrency);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((row) => this.send(row)));
    }
  }

  /** Marks up to `limit` due messages as sending under this node's name (queue.ts `claimMail`). */
  private claim(limit: number): Promise<MailRow[]> {
    const at = this.ctx.now().toISOString();
    return this.ctx.db.transaction((tx) => claimMail(tx, limit, at, this.ctx.node.id, this.transport.name, dialectOf(this.ctx.db)));
  }

  private async send(row: MailRow) {
    // The last moment before it leaves: a node whose lease may have lapsed puts it back unsent.
    if (!this.ctx.node.holds()) {
      const at = this.ctx.now().toISOString();
      await this.ctx.db.transaction(async (tx) => {
        const { changes } = await tx.run(
          "UPDATE mail_messages SET status = 'queued', attempts = attempts - 1, updated_at = ? WHERE id = ? AND status = 'sending'",
          [at, row.id],
        );
        if (changes > 0) await addHistory(tx, row.id, 'queued', 'not sent: the node lost its lease before sending', at);
      });
      return;
    }
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
