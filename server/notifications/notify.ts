import type { NotificationKind } from '#core/api/notifications';
import { mailLanguage, type MailLanguage } from '#core/mail/templates';
import type { Context } from '../context.ts';
import { SmsRefused } from '../sms/gateway.ts';
import { notifyByEmail, type NotificationText } from './email.ts';
import { channelsOf } from './prefs.ts';

/**
 * One notification to one person, through every channel they chose for its kind. The
 * caller has already written its in-app notice (decision_notices, idea_notices,
 * figure_alerts: in the app always); this sends the e-mail (at once or into the daily
 * digest) and the SMS only if the person wants `kind` by that channel — the ONE place
 * where preferences are read for a notification (README "Notifications").
 */
export interface Notification {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  /** Names this notification: the same key never goes twice on a channel. */
  key: string;
  /** The activity it is about: a reply to its e-mail becomes a comment there (when replies are taken). */
  activityId?: string | null;
  requestedBy?: string | null;
  write: (lang: MailLanguage) => NotificationText;
  /** The SMS, for kinds that have one: its gateway kind, text and urgency. */
  sms?: { kind: string; text: (lang: MailLanguage) => string; urgent: boolean };
}

/** What became of the SMS: the gateway's status and message, or why none was queued (a refusal, `not_wanted`). */
export type SmsOutcome = { status: string; messageId: string | null; detail?: string };

export interface Notified {
  email: Awaited<ReturnType<typeof notifyByEmail>> | 'not_wanted';
  sms: SmsOutcome | null;
}

export async function notify(ctx: Context, n: Notification): Promise<Notified> {
  const wanted = (await channelsOf(ctx.db, [n.userId], n.kind)).get(n.userId)!;
  const email = wanted.email
    ? await notifyByEmail(ctx, { orgId: n.orgId, userId: n.userId, kind: n.kind, key: `${n.key}:email`, requestedBy: n.requestedBy ?? undefined, activityId: n.activityId ?? null, write: n.write })
    : 'not_wanted';
  if (!n.sms) return { email, sms: null };
  if (!wanted.sms) return { email, sms: { status: 'not_wanted', messageId: null, detail: 'This person turned these SMS off.' } };
  const person = await ctx.db.get<{ locale: string | null; org_locale: string }>(
    'SELECT u.locale, o.locale AS org_locale FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?',
    [n.userId],
  );
  try {
    const sms = await ctx.sms.enqueue({
      orgId: n.orgId,
      userId: n.userId,
      text: n.sms.text(mailLanguage(person?.locale ?? person?.org_locale)),
      kind: n.sms.kind,
      idempotencyKey: n.key,
      urgent: n.sms.urgent,
      requestedBy: n.requestedBy ?? undefined,
    });
    return { email, sms: { status: sms.status, messageId: sms.id } };
  } catch (err) {
    if (err instanceof SmsRefused) return { email, sms: { status: err.reason, messageId: null, detail: err.message } };
    throw err;
  }
}

/** The same notification to many people (a vote opening to an activity), a person at a time; one failing does not stop the others. */
export async function notifyEach(ctx: Context, userIds: string[], make: (userId: string) => Notification): Promise<void> {
  for (const userId of userIds) {
    try {
      await notify(ctx, make(userId));
    } catch (err) {
      ctx.log.error({ err, kind: make(userId).kind }, 'could not send a notification');
    }
  }
}
