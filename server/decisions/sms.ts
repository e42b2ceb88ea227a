import { decisionSms } from '#core/decisions/sms-summary';
import type { Context } from '../context.ts';
import { SmsRefused } from '../sms/gateway.ts';

/** The gateway `kind` of decision messages: replies and statuses come back under it. */
export const decisionSmsKind = 'decisions.published';

/**
 * Sends the decision's SMS summary: one per member, keyed `decision:<id>:<user>` so a
 * retry (after a crash between enqueue and bookkeeping) never sends twice. Members the
 * gateway refuses (no opt-in, STOP, no phone) are recorded with the reason. Only
 * recipients without an SMS status are tried, so this can run again at start.
 */
export async function sendDecisionSms(ctx: Context, decisionId: string): Promise<void> {
  const decision = await ctx.db.get<{ org_id: string; locale: string; title: string; outcome: string; chosen_option: string | null; published_by: string }>(
    `SELECT a.org_id, o.locale, a.title, d.outcome, d.chosen_option, d.published_by
       FROM decisions d JOIN activities a ON a.id = d.activity_id JOIN organizations o ON o.id = a.org_id
      WHERE d.id = ?`,
    [decisionId],
  );
  if (!decision) return;
  const text = decisionSms({
    activityTitle: decision.title,
    outcome: decision.outcome,
    chosenOption: decision.chosen_option,
    locale: decision.locale,
  });
  const pending = await ctx.db.all<{ user_id: string }>(
    'SELECT user_id FROM decision_recipients WHERE decision_id = ? AND sms_status IS NULL ORDER BY user_id',
    [decisionId],
  );
  for (const { user_id: userId } of pending) {
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
      await ctx.db.run(
        'UPDATE decision_recipients SET sms_message_id = ?, sms_status = ?, sms_segments = ? WHERE decision_id = ? AND user_id = ?',
        [sms.id, sms.status, sms.segments, decisionId, userId],
      );
    } catch (err) {
      if (!(err instanceof SmsRefused)) {
        ctx.log.error({ err, decisionId, userId }, 'could not enqueue the decision SMS; will retry at start');
        continue;
      }
      await ctx.db.run('UPDATE decision_recipients SET sms_status = ? WHERE decision_id = ? AND user_id = ?', [
        err.reason,
        decisionId,
        userId,
      ]);
    }
  }
}

/** Sends what a crash left unsent: recipients of any decision without an SMS status. */
export async function resumeDecisionSms(ctx: Context): Promise<void> {
  const decisions = await ctx.db.all<{ decision_id: string }>(
    'SELECT DISTINCT decision_id FROM decision_recipients WHERE sms_status IS NULL',
  );
  for (const d of decisions) await sendDecisionSms(ctx, d.decision_id);
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
