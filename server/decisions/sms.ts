import { decisionSms } from '#core/decisions/sms-summary';
import { channelsOf } from '../notifications/prefs.ts';
import type { Context } from '../context.ts';
import { RefusalReason, SmsRefused } from '../sms/gateway.ts';
import { mayTextMany } from '../sms/mass-sms.ts';

/** The gateway `kind` of decision messages: replies and statuses come back under it. */
export const decisionSmsKind = 'decisions.published';

/** Recipients handled per batch: their SMS are enqueued together (one group commit), then recorded in one transaction. */
export const smsBatch = 200;

/**
 * Sends the decision's SMS summary: one per member, keyed `decision:<id>:<user>` so a
 * retry (after a crash between enqueue and bookkeeping) never sends twice. Members the
 * gateway refuses (no opt-in, STOP, no phone) are recorded with the reason. Only
 * recipients without an SMS status are tried, so this can run again at start.
 *
 * Recipients are taken `smsBatch` at a time (memory and store work bounded per batch,
 * other requests served between batches); `afterBatch` is told after each one, and
 * returning false stops early (the relay is stopping: the rest resumes at start).
 */
export async function sendDecisionSms(ctx: Context, decisionId: string, afterBatch: () => boolean = () => true): Promise<void> {
  const decision = await ctx.db.get<{ org_id: string; activity_id: string; locale: string; title: string; outcome: string; chosen_option: string | null; published_by: string }>(
    `SELECT a.org_id, d.activity_id, o.locale, a.title, d.outcome, d.chosen_option, d.published_by
       FROM decisions d JOIN activities a ON a.id = d.activity_id JOIN organizations o ON o.id = a.org_id
      WHERE d.id = ?`,
    [decisionId],
  );
  if (!decision) return;
  if (!(await mayTextMany(ctx, decision.org_id, decision.published_by))) {
    // Published all the same, in the app and by e-mail (email.ts): only the SMS do not go.
    await ctx.db.run(`UPDATE decision_recipients SET sms_status = ? WHERE decision_id = ? AND sms_status IS NULL`, [
      RefusalReason.senderNotAllowed,
      decisionId,
    ]);
    return;
  }
  const text = decisionSms({
    activityTitle: decision.title,
    outcome: decision.outcome,
    chosenOption: decision.chosen_option,
    locale: decision.locale,
  });
  let after = '';
  for (;;) {
    const batch = await ctx.db.all<{ user_id: string }>(
      'SELECT user_id FROM decision_recipients WHERE decision_id = ? AND sms_status IS NULL AND user_id > ? ORDER BY user_id LIMIT ?',
      [decisionId, after, smsBatch],
    );
    if (batch.length === 0) return;
    after = batch[batch.length - 1]!.user_id;
    const channels = await channelsOf(ctx.db, batch.map((b) => b.user_id), 'decision_published');
    const outcomes = await Promise.all(
      batch.map(async ({ user_id: userId }) => {
        if (!channels.get(userId)?.sms) return { userId, messageId: null, status: 'not_wanted', segments: null };
        try {
          const sms = await ctx.sms.enqueue({
            orgId: decision.org_id,
            userId,
            text,
            kind: decisionSmsKind,
            idempotencyKey: `decision:${decisionId}:${userId}`,
            expectsReply: { kind: 'ack', subject: `decision:${decisionId}` },
            urgent: false,
            requestedBy: decision.published_by,
          });
          return { userId, messageId: sms.id, status: sms.status, segments: sms.segments };
        } catch (err) {
          if (err instanceof SmsRefused) return { userId, messageId: null, status: err.reason, segments: null };
          ctx.log.error({ err, decisionId, userId }, 'could not enqueue the decision SMS; will retry at start');
          return null;
        }
      }),
    );
    await ctx.db.transaction(async (tx) => {
      for (const o of outcomes) {
        if (!o) continue;
        await tx.run('UPDATE decision_recipients SET sms_message_id = ?, sms_status = ?, sms_segments = ? WHERE decision_id = ? AND user_id = ?', [
          o.messageId,
          o.status,
          o.segments,
          decisionId,
          o.userId,
        ]);
      }
    });
    if (!afterBatch()) return;
  }
}

/**
 * Decision SMS sent in the background of the relay: publishing answers once the first
 * batch is recorded (a team's decision answers with every SMS status, as before), the
 * rest follows batch by batch. Stopping lets the current batch finish; what is left is
 * sent at the next start (`resume`).
 */
export class DecisionSmsSender {
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly ctx: Context) {}

  /** Resolves once the first batch is recorded; the rest goes on. */
  send(decisionId: string): Promise<void> {
    let firstBatch: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (firstBatch = resolve));
    const run = sendDecisionSms(this.ctx, decisionId, () => {
      firstBatch();
      return !this.stopping;
    })
      .catch((err: unknown) => this.ctx.log.error({ err, decisionId }, 'decision SMS failed; will retry at start'))
      .finally(() => {
        firstBatch();
        this.running.delete(run);
      });
    this.running.add(run);
    return first;
  }

  /** Sends what a crash or a stop left unsent: recipients of any decision without an SMS status. */
  async resume(): Promise<void> {
    const decisions = await this.ctx.db.all<{ decision_id: string }>(
      'SELECT DISTINCT decision_id FROM decision_recipients WHERE sms_status IS NULL',
    );
    for (const d of decisions) {
      if (this.stopping) return;
      await this.send(d.decision_id);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    while (this.running.size > 0) await Promise.all(this.running);
  }
}

/** Hears "OK" replies (acknowledgements) and delivery statuses of decision messages. */
export function listenToDecisionSms(ctx: Context): void {
  ctx.sms.onReply(decisionSmsKind, async (reply) => {
    // The gateway documents 'ok' and sends 'OK': take either.
    if (reply.answer?.toUpperCase() !== 'OK') return;
    await ctx.db.run(
      `UPDATE decision_recipients SET acknowledged_at = ?, acknowledged_via = 'sms'
        WHERE sms_message_id = ? AND acknowledged_at IS NULL`,
      [reply.receivedAt, reply.messageId],
    );
  });
  ctx.sms.onStatus(decisionSmsKind, async (change) => {
    await ctx.db.run('UPDATE decision_recipients SET sms_status = ? WHERE sms_message_id = ?', [change.status, change.messageId]);
  });
}
