import { ideaStatusSms } from '#core/ideas/sms';
import type { IdeaStatus } from '#core/ideas/status';
import type { Context } from '../context.ts';
import { RefusalReason, SmsRefused } from '../sms/gateway.ts';

/** The gateway `kind` of the messages that tell authors what became of their idea. */
export const ideaSmsKind = 'ideas.status';

/**
 * Tells the author of a status change by SMS, keyed `idea:<idea>:change:<change>` so
 * that a second try (after a crash between enqueue and bookkeeping) never sends twice.
 * The gateway refuses authors without an opt-in (or who said STOP, or have no phone):
 * the refusal is recorded as the change's SMS status, and the in-app notice remains.
 * An author is texted about one idea at most once a day (`daily_limit` after that).
 */
export async function sendStatusSms(ctx: Context, changeId: number): Promise<void> {
  const change = await ctx.db.get<{
    idea_id: string;
    to_status: IdeaStatus;
    reason: string | null;
    changed_by: string;
    title: string;
    author_id: string;
    org_id: string;
    locale: string;
  }>(
    `SELECT c.idea_id, c.to_status, c.reason, c.changed_by, i.title, i.author_id, a.org_id, o.locale
       FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id JOIN activities a ON a.id = i.activity_id
       JOIN organizations o ON o.id = a.org_id
      WHERE c.id = ? AND c.sms_status IS NULL`,
    [changeId],
  );
  if (!change) return;
  // Once a day per idea: bouncing an idea between statuses does not text its author each time.
  const since = new Date(ctx.now().getTime() - 86_400_000).toISOString();
  const prefix = `idea:${change.idea_id}:change:`;
  const texted = await ctx.db.get(
    'SELECT 1 AS one FROM sms_messages WHERE org_id = ? AND idempotency_key >= ? AND idempotency_key < ? AND created_at >= ? LIMIT 1',
    [change.org_id, prefix, `${prefix}\uffff`, since],
  );
  if (texted) {
    await ctx.db.run('UPDATE idea_status_changes SET sms_status = ? WHERE id = ?', [RefusalReason.dailyLimit, changeId]);
    return;
  }
  try {
    const sms = await ctx.sms.enqueue({
      orgId: change.org_id,
      userId: change.author_id,
      text: ideaStatusSms({ title: change.title, status: change.to_status, reason: change.reason, locale: change.locale }),
      kind: ideaSmsKind,
      idempotencyKey: `idea:${change.idea_id}:change:${changeId}`,
      urgent: false,
      requestedBy: change.changed_by,
    });
    await ctx.db.run('UPDATE idea_status_changes SET sms_message_id = ?, sms_status = ? WHERE id = ?', [sms.id, sms.status, changeId]);
  } catch (err) {
    if (!(err instanceof SmsRefused)) {
      ctx.log.error({ err, changeId }, 'could not enqueue the idea status SMS; will retry at start');
      return;
    }
    await ctx.db.run('UPDATE idea_status_changes SET sms_status = ? WHERE id = ?', [err.reason, changeId]);
  }
}

/** Sends what a crash left unsent. */
export async function resumeIdeaSms(ctx: Context): Promise<void> {
  const pending = await ctx.db.all<{ id: number }>('SELECT id FROM idea_status_changes WHERE sms_status IS NULL ORDER BY id');
  for (const { id } of pending) await sendStatusSms(ctx, id);
}

export function listenToIdeaSms(ctx: Context): void {
  ctx.sms.onStatus(ideaSmsKind, async (change) => {
    await ctx.db.run('UPDATE idea_status_changes SET sms_status = ? WHERE sms_message_id = ?', [change.status, change.messageId]);
  });
}
