import type { MailDetail, MailList, MailSummary } from '#core/api/mail';
import type { z } from 'zod';
import type { MailListQuery } from '#core/api/mail';
import { ErrorCode } from '#core/api/errors';
import { mailLanguage, renderMail } from '#core/mail/templates';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import type { Database } from '../store/db.ts';
import { Refusal, notFound } from '../errors.ts';
import { addHistory, type MailRow } from './queue.ts';

const summary = (r: MailRow): MailSummary => ({
  id: r.id,
  seq: r.seq,
  to: r.to_address,
  userId: r.user_id,
  kind: r.kind,
  subject: r.subject,
  status: r.status,
  channel: r.channel,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'queued' ? r.next_attempt_at : null,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** The organisation's e-mails, newest first, filtered; with a count per status. */
export async function listMail(db: Database, orgId: string, query: z.infer<typeof MailListQuery>): Promise<MailList> {
  const rows = await db.all<MailRow>(
    `SELECT * FROM mail_messages WHERE org_id = ? AND (CAST(? AS TEXT) IS NULL OR status = ?) AND (CAST(? AS TEXT) IS NULL OR kind = ?) AND (CAST(? AS INTEGER) IS NULL OR seq < ?)
      ORDER BY seq DESC LIMIT ?`,
    [orgId, query.status ?? null, query.status ?? null, query.kind ?? null, query.kind ?? null, query.before ?? null, query.before ?? null, query.limit],
  );
  const counts = await db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM mail_messages WHERE org_id = ? GROUP BY status', [orgId]);
  return { messages: rows.map(summary), counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) };
}

export async function readMail(db: Database, orgId: string, id: string): Promise<MailDetail> {
  const row = await db.get<MailRow>('SELECT * FROM mail_messages WHERE id = ? AND org_id = ?', [id, orgId]);
  if (!row) throw notFound('e-mail');
  const history = await db.all<{ status: MailDetail['status']; detail: string | null; at: string }>(
    'SELECT status, detail, at FROM mail_history WHERE message_id = ? ORDER BY id LIMIT 200',
    [id],
  );
  return {
    ...summary(row),
    text: row.text,
    html: row.html,
    replyTo: row.reply_to,
    listUnsubscribe: row.unsubscribe_url,
    smtpResponse: row.smtp_response,
    history,
  };
}

/**
 * An administrator sends a failed or unconfirmed message again. For an unconfirmed one
 * this is their choice: it may already have arrived once.
 */
export async function retryMail(db: Database, orgId: string, id: string, by: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction(async (tx) => {
    const row = await tx.get<MailRow>('SELECT * FROM mail_messages WHERE id = ? AND org_id = ?', [id, orgId]);
    if (!row) throw notFound('e-mail');
    if (row.status !== 'failed' && row.status !== 'unconfirmed') {
      throw new Refusal(ErrorCode.conflict, `This e-mail is ${row.status}: only a failed or unconfirmed one is sent again.`);
    }
    await tx.run("UPDATE mail_messages SET status = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?", [at, at, id]);
    await addHistory(tx, id, 'queued', `sent again at an administrator's request (${by})`, at);
  });
}

/** A test e-mail from an administrator, to themselves or to `to`, in the organisation's language. */
export async function sendTestMail(ctx: Context, admin: Caller, to: string | undefined): Promise<{ id: string }> {
  const row = await ctx.db.get<{ email: string; org: string; locale: string }>(
    'SELECT u.email, o.name AS org, o.locale FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?',
    [admin.id],
  );
  const { id } = await ctx.mail.enqueue({
    orgId: admin.orgId,
    userId: to ? null : admin.id,
    to: to ?? row?.email ?? '',
    kind: 'test',
    idempotencyKey: `test:${newId()}`,
    content: renderMail('test', mailLanguage(row?.locale), { organization: row?.org ?? '' }),
    requestedBy: admin.id,
  });
  return { id };
}
