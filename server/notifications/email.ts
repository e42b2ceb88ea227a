import type { NotificationKind } from '#core/api/notifications';
import { mailLanguage, renderMail, type MailLanguage } from '#core/mail/templates';
import type { Context } from '../context.ts';
import { issueReplyAddress } from '../mail/reply-tokens.ts';

/** A notification as each language writes it. */
export interface NotificationText {
  title: string;
  lines: string[];
  link: string | null;
}

/**
 * Tells a person by e-mail — only notify.ts calls this, once it read that they want
 * `kind` by e-mail: at once, or held for their daily digest. `key` names the notification: the same key never goes twice.
 */
export async function notifyByEmail(
  ctx: Context,
  input: {
    orgId: string;
    userId: string;
    kind: NotificationKind;
    key: string;
    requestedBy?: string;
    /** The activity: a reply to the e-mail becomes the person's comment there (when the reply listener runs). */
    activityId?: string | null;
    write: (lang: MailLanguage) => NotificationText;
  },
): Promise<'sent' | 'digest' | 'no_address'> {
  const person = await ctx.db.get<{ email: string; locale: string | null; org_locale: string; digest: string; disabled_at: string | null }>(
    'SELECT u.email, u.locale, o.locale AS org_locale, u.digest, u.disabled_at FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?',
    [input.userId],
  );
  if (!person || person.disabled_at) return 'no_address';
  const text = input.write(mailLanguage(person.locale ?? person.org_locale));
  const at = ctx.now().toISOString();
  if (person.digest === 'daily') {
    await ctx.db.run('INSERT INTO digest_items (org_id, user_id, key, title, line, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING', [
      input.orgId,
      input.userId,
      input.key,
      text.title,
      text.lines.join(' '),
      text.link,
      at,
    ]);
    return 'digest';
  }
  const inbound = ctx.config.mail.inbound;
  const replyTo =
    inbound && input.activityId
      ? await issueReplyAddress(ctx.db, inbound, { orgId: input.orgId, userId: input.userId, kind: 'comment', subject: input.key, activityId: input.activityId }, ctx.now())
      : null;
  await ctx.mail.enqueue({
    orgId: input.orgId,
    userId: input.userId,
    to: person.email,
    kind: `notification.${input.kind}`,
    idempotencyKey: input.key,
    content: renderMail('notification', mailLanguage(person.locale ?? person.org_locale), {
      title: text.title,
      lines: text.lines,
      link: text.link,
      linkLabel: null,
      replyHint: replyTo ? 'comment' : null,
    }),
    replyTo,
    requestedBy: input.requestedBy,
  });
  return 'sent';
}
