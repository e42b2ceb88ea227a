import { activityLink } from '#core/people/links';
import { mailLanguage, renderMail, type MailLanguage } from '#core/mail/templates';
import type { RenderedMail } from '#core/mail/html';
import type { Context } from '../context.ts';
import type { MailRequest } from '../mail/gateway.ts';
import { issueReplyAddress } from '../mail/reply-tokens.ts';
import { channelsOf } from '../notifications/prefs.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import type { Queries } from '../store/db.ts';

/** Recipients handled per batch: read together, and queued in one transaction. */
export const emailBatch = 200;
/** When the organisation's mail queue is full, the fan-out waits this long before trying again. */
const fullWaitMs = 30_000;

interface DecisionMail {
  org_id: string;
  activity_id: string;
  title: string;
  outcome: string;
  chosen_option: string | null;
  published_by: string;
}

interface Person {
  user_id: string;
  email: string;
  locale: string | null;
  org_locale: string;
  digest: string;
  disabled_at: string | null;
}

type EmailStatus = 'queued' | 'digest' | 'not_wanted' | 'no_address';

/**
 * The decision by e-mail to every recipient who wants it so, off the publishing request
 * (README "Decisions by e-mail"). Recipients are taken `emailBatch` at a time, in user
 * order; for each batch ONE transaction queues their e-mails (or digest items), mints
 * their reply addresses, and records each recipient's `email_status` — so a batch is
 * queued wholly or not at all, and after a kill -9 the recipients still without a status
 * are taken again, each e-mail keyed `decision:<id>:<user>:email` besides. The e-mail is
 * written once per language, not once per person. Throws `QueueFull` when the
 * organisation's mail queue has no room for a batch (that batch is not kept; the rest waits).
 */
export async function sendDecisionEmails(ctx: Context, decisionId: string, keepGoing: () => boolean = () => true): Promise<void> {
  const decision = await ctx.db.get<DecisionMail>(
    `SELECT a.org_id, d.activity_id, a.title, d.outcome, d.chosen_option, d.published_by
       FROM decisions d JOIN activities a ON a.id = d.activity_id WHERE d.id = ?`,
    [decisionId],
  );
  if (!decision) return;
  const written = new Map<MailLanguage, RenderedMail & { title: string; line: string; link: string }>();
  const write = (lang: MailLanguage) => {
    let mail = written.get(lang);
    if (!mail) {
      const title = lang === 'fr' ? `Décision : ${decision.title}` : `Decision: ${decision.title}`;
      const lines = [decision.outcome, ...(decision.chosen_option ? [(lang === 'fr' ? 'Option retenue : ' : 'Chosen option: ') + decision.chosen_option] : [])];
      const link = activityLink(ctx.config.publicUrl ?? '', decision.activity_id);
      const replyHint = ctx.config.mail.inbound ? 'ack' : null;
      mail = { ...renderMail('notification', lang, { title, lines, link, linkLabel: null, replyHint }), title, line: lines.join(' '), link };
      written.set(lang, mail);
    }
    return mail;
  };
  for (let after = ''; keepGoing(); ) {
    const batch = await ctx.db.all<Person>(
      `SELECT r.user_id, u.email, u.locale, o.locale AS org_locale, u.digest, u.disabled_at
         FROM decision_recipients r JOIN users u ON u.id = r.user_id JOIN organizations o ON o.id = u.org_id
        WHERE r.decision_id = ? AND r.email_status IS NULL AND r.user_id > ? ORDER BY r.user_id LIMIT ?`,
      [decisionId, after, emailBatch],
    );
    if (batch.length === 0) return;
    after = batch[batch.length - 1]!.user_id;
    const channels = await channelsOf(ctx.db, batch.map((p) => p.user_id), 'decision_published');
    await ctx.db.transaction((tx) => queueBatch(ctx, tx, decisionId, decision, batch, channels, write));
    ctx.mail.wake();
  }
}

async function queueBatch(
  ctx: Context,
  tx: Queries,
  decisionId: string,
  decision: DecisionMail,
  batch: Person[],
  channels: Map<string, { email: boolean }>,
  write: (lang: MailLanguage) => RenderedMail & { title: string; line: string; link: string },
): Promise<void> {
  const now = ctx.now();
  const at = now.toISOString();
  const statuses: { userId: string; status: EmailStatus }[] = [];
  const mails: { userId: string; request: MailRequest }[] = [];
  for (const person of batch) {
    const key = `decision:${decisionId}:${person.user_id}:email`;
    if (!channels.get(person.user_id)?.email) statuses.push({ userId: person.user_id, status: 'not_wanted' });
    else if (person.disabled_at || !person.email) statuses.push({ userId: person.user_id, status: 'no_address' });
    else if (person.digest === 'daily') {
      const mail = write(mailLanguage(person.locale ?? person.org_locale));
      await tx.run('INSERT INTO digest_items (org_id, user_id, key, title, line, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING', [
        decision.org_id,
        person.user_id,
        key,
        mail.title,
        mail.line,
        mail.link,
        at,
      ]);
      statuses.push({ userId: person.user_id, status: 'digest' });
    } else {
      const { subject, text, html } = write(mailLanguage(person.locale ?? person.org_locale));
      const inbound = ctx.config.mail.inbound;
      const replyTo = inbound
        ? await issueReplyAddress(tx, inbound, { orgId: decision.org_id, userId: person.user_id, kind: 'decision', subject: `decision:${decisionId}`, activityId: decision.activity_id }, now)
        : null;
      mails.push({
        userId: person.user_id,
        request: {
          orgId: decision.org_id,
          userId: person.user_id,
          to: person.email,
          kind: 'notification.decision_published',
          idempotencyKey: key,
          content: { subject, text, html },
          replyTo,
          requestedBy: decision.published_by,
        },
      });
    }
  }
  const queued = await ctx.mail.enqueueIn(tx, decision.org_id, mails.map((m) => m.request));
  // Nothing of this batch is kept: throwing rolls the transaction back.
  if (queued === 'full') throw new QueueFull();
  for (const s of statuses) {
    await tx.run('UPDATE decision_recipients SET email_status = ? WHERE decision_id = ? AND user_id = ?', [s.status, decisionId, s.userId]);
  }
  for (const [i, m] of mails.entries()) {
    await tx.run(`UPDATE decision_recipients SET email_status = 'queued', email_message_id = ? WHERE decision_id = ? AND user_id = ?`, [
      queued[i]!.id,
      decisionId,
      m.userId,
    ]);
  }
}

export class QueueFull extends Error {}

/**
 * Runs the decision e-mails in the background of the relay: woken by each publication,
 * and at start for whatever a stop or a crash left (recipients without an e-mail status).
 * While the organisation's mail queue is full it waits `fullWaitMs` and tries again.
 */
export class DecisionEmailSender {
  private readonly pump: Pump;
  private stopping = false;
  private fullUntil: string | null = null;

  constructor(private readonly ctx: Context) {
    this.pump = new Pump('decision e-mails', {
      log: ctx.log,
      now: ctx.now,
      next: async () => {
        if (!(await ctx.db.get('SELECT 1 AS one FROM decision_recipients WHERE email_status IS NULL LIMIT 1'))) return null;
        return this.fullUntil ?? ctx.now().toISOString();
      },
      work: () => this.sendPending(),
      lease: jobLease(ctx, 'decision-emails'),
    });
  }

  start() {
    this.stopping = false;
    return this.pump.start();
  }

  wake() {
    this.pump.wake();
  }

  async stop() {
    this.stopping = true;
    await this.pump.stop();
  }

  private async sendPending() {
    this.fullUntil = null;
    const decisions = await this.ctx.db.all<{ decision_id: string }>(
      'SELECT DISTINCT decision_id FROM decision_recipients WHERE email_status IS NULL LIMIT 20',
    );
    for (const { decision_id: id } of decisions) {
      if (this.stopping) return;
      try {
        await sendDecisionEmails(this.ctx, id, () => !this.stopping);
      } catch (err) {
        if (!(err instanceof QueueFull)) throw err;
        this.fullUntil = new Date(this.ctx.now().getTime() + fullWaitMs).toISOString();
        this.ctx.log.warn({ decisionId: id }, 'decision e-mails wait: the organisation’s mail queue is full');
        return;
      }
    }
  }
}
