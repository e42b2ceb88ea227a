import { z } from 'zod';

/**
 * How each person hears of things (README "Notifications"). In the app always; by e-mail
 * and by SMS as they choose, per kind; a daily e-mail digest instead of one e-mail each.
 *
 * - `GET /api/me/notifications` → `NotificationSettings` (defaults filled in).
 * - `PUT /api/me/notifications` `NotificationSettings` → `NotificationSettings`.
 */
export const NotificationKind = z.enum([
  'decision_published',
  'mentioned',
  'vote_opening',
  'vote_closing',
  'review_due',
  'idea_answer',
  'invitation',
  'figure_alert',
  'retention',
  'action_due',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Channel = z.enum(['email', 'sms']);
export type Channel = z.infer<typeof Channel>;

/**
 * What a person gets when they chose nothing: e-mail for decisions and what concerns them
 * alone, SMS for decisions, answers to their ideas and figure alerts. A decision goes to
 * every member at once (20,000 in one organisation): its e-mails are queued in batches
 * off the publishing request (server/decisions/email.ts), so they are on by default.
 */
export const defaultChannels: Record<NotificationKind, Record<Channel, boolean>> = {
  decision_published: { email: true, sms: true },
  mentioned: { email: true, sms: false },
  vote_opening: { email: true, sms: false },
  vote_closing: { email: true, sms: false },
  review_due: { email: true, sms: false },
  idea_answer: { email: true, sms: true },
  invitation: { email: true, sms: false },
  figure_alert: { email: false, sms: true },
  retention: { email: true, sms: false },
  action_due: { email: true, sms: false },
};

export const NotificationPref = z.strictObject({ kind: NotificationKind, email: z.boolean(), sms: z.boolean() });
export type NotificationPref = z.infer<typeof NotificationPref>;

export const NotificationSettings = z.strictObject({
  prefs: z
    .array(NotificationPref)
    .max(NotificationKind.options.length)
    .refine((prefs) => new Set(prefs.map((p) => p.kind)).size === prefs.length, { message: 'each kind at most once' }),
  /** `daily`: e-mails wait and go together once a day, at 07:00 UTC. */
  digest: z.enum(['none', 'daily']),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** The settings with every kind present: the person's choices over the defaults. */
export function withDefaults(chosen: NotificationPref[], digest: NotificationSettings['digest']): NotificationSettings {
  return {
    prefs: NotificationKind.options.map((kind) => chosen.find((p) => p.kind === kind) ?? { kind, ...defaultChannels[kind] }),
    digest,
  };
}

/**
 * The bell, live: `GET /api/me/notices/wait?after=<cursor>` → `NoticeWait`, answered at
 * once when the caller's notices moved past `after` (or without `after`: the cursor now),
 * else as soon as one is written, or after 25 seconds with `changed: false`.
 */
export const NoticeWaitQuery = z.strictObject({ after: z.string().max(100).optional() });
export const NoticeWait = z.object({ changed: z.boolean(), cursor: z.string() });
export type NoticeWait = z.infer<typeof NoticeWait>;

/**
 * In-app notices about an activity (server/notifications/activity-notices.ts):
 * `GET /api/me/notices` → `{notices: ActivityNotice[]}` (newest first, only activities the
 * caller may still see); `POST /api/me/notices/:id/read`. Each is also sent by e-mail and
 * SMS as the person chose for its kind.
 */
export const ActivityNoticeKind = z.enum(['mentioned', 'vote_opening', 'vote_closing', 'invitation', 'retention', 'action_due']);
export type ActivityNoticeKind = z.infer<typeof ActivityNoticeKind>;

export const ActivityNotice = z.object({
  id: z.number(),
  kind: ActivityNoticeKind,
  activityId: z.string(),
  activityTitle: z.string(),
  /** Who mentioned, opened the poll or added the person; null when nobody in particular. */
  actorName: z.string().nullable(),
  /** The comment (mentioned) or poll (votes) it is about; the activity itself for an invitation. */
  subjectId: z.string(),
  /** The first words of the comment, or the poll's question. */
  about: z.string().nullable(),
  /** The poll round's deadline (votes). */
  deadline: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type ActivityNotice = z.infer<typeof ActivityNotice>;
