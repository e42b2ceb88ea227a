import { ideaStatusSms } from '#core/ideas/sms';
import type { IdeaStatus } from '#core/ideas/status';
import { activityLink } from '#core/people/links';
import type { Context } from '../context.ts';
import { notify } from '../notifications/notify.ts';
import { authorLink } from './author-link.ts';
import { RefusalReason } from '../sms/gateway.ts';

/** The gateway `kind` of the messages that tell authors what became of their idea. */
export const ideaSmsKind = 'ideas.status';

/**
 * Tells the author of a status change as they chose for `idea_answer`
 * (notifications/notify.ts): by e-mail and by SMS, keyed `idea:<idea>:change:<change>`
 * so that a second try (after a crash between enqueue and bookkeeping) never sends twice.
 * The gateway refuses authors without an opt-in (or who said STOP, or have no phone):
 * the refusal — or `not_wanted` — is recorded as the change's SMS status, and the in-app
 * notice remains. An author is texted about one idea at most once a day (`daily_limit`
 * after that).
 */
export async function sendStatusSms(ctx: Context, changeId: number): Promise<void> {
  const change = await ctx.db.get<{
    idea_id: string;
    to_status: IdeaStatus;
    reason: string | null;
    changed_by: string;
    title: string;
    author_id: string;
    activity_id: string;
    org_id: string;
    locale: string;
  }>(
    `SELECT c.idea_id, c.to_status, c.reason, c.changed_by, i.title, i.author_id, i.activity_id, a.org_id, o.locale
       FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id JOIN activities a ON a.id = i.activity_id
       JOIN organizations o ON o.id = a.org_id
      WHERE c.id = ? AND c.sms_status IS NULL`,
    [changeId],
  );
  if (!change) return;
  const since = new Date(ctx.now().getTime() - 86_400_000).toISOString();
  const prefix = `idea:${change.idea_id}:change:`;
  const texted = await ctx.db.get(
    'SELECT 1 AS one FROM sms_messages WHERE org_id = ? AND idempotency_key >= ? AND idempotency_key < ? AND created_at >= ? LIMIT 1',
    [change.org_id, prefix, `${prefix}\uffff`, since],
  );
  const link = await authorLink(ctx, change.author_id, change.activity_id, change.idea_id, activityLink(ctx.config.publicUrl ?? '', change.activity_id));
  try {
    const told = await notify(ctx, {
      orgId: change.org_id,
      userId: change.author_id,
      kind: 'idea_answer',
      key: `${prefix}${changeId}`,
      activityId: change.activity_id,
      requestedBy: change.changed_by,
      write: (lang) => ({
        title: lang === 'fr' ? `Votre idée : ${change.title}` : `Your idea: ${change.title}`,
        lines: [ideaStatusSms({ title: change.title, status: change.to_status, reason: change.reason, locale: lang })],
        link,
      }),
      // Once a day per idea: bouncing an idea between statuses does not text its author each time.
      sms: texted ? undefined : { kind: ideaSmsKind, urgent: false, text: () => ideaStatusSms({ title: change.title, status: change.to_status, reason: change.reason, locale: change.locale }) },
    });
    const sms = told.sms ?? { status: RefusalReason.dailyLimit, messageId: null };
    await ctx.db.run('UPDATE idea_status_changes SET sms_message_id = ?, sms_status = ? WHERE id = ?', [sms.messageId, sms.status, changeId]);
  } catch (err) {
    ctx.log.error({ err, changeId }, 'could not tell the author of an idea; will retry at start');
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
