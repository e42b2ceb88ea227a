import { ErrorCode } from '#core/api/errors';
import { formerMemberName } from '#core/api/people';
import { revokeSessions, type Caller } from '../accounts/sessions.ts';
import { getUser, organizationOf } from '../accounts/users.ts';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';
import { eraseCopies } from './erase-copies.ts';
import { eraseElsewhere } from './erase-elsewhere.ts';
import { judgePassword } from '../accounts/password-guesses.ts';
import { verifyPassword } from '../auth/passwords.ts';

const erased = '[erased]';

/**
 * An administrator erases a person (rules: core/api/people.ts). One transaction: either
 * everything that identifies them is gone, or nothing changed. Their row stays, so what
 * they did (ideas, decisions, ratings, votes) is credited to a former member. The same
 * transaction queues the activities' documents, which the history feature rewrites in
 * the background (live rooms first, then the stored history; SPEC E1–E4).
 */
export async function erasePerson(ctx: Context, caller: Caller, userId: string) {
  if (userId === caller.id) throw new Refusal(ErrorCode.conflict, 'You cannot erase yourself: ask another administrator.');
  const user = await getUser(ctx, caller, userId);
  return eraseAccount(ctx, { orgId: caller.orgId, userId, name: user.name, email: user.email }, caller.id);
}

/**
 * A public participant erases their own account (core/api/people.ts `EraseMeRequest`): the
 * same erasure, once their password is judged like a sign-in (throttled before any hash: a
 * session is no licence to guess it). Members' accounts are their organisation's: 403.
 */
export async function eraseMyAccount(ctx: Context, caller: Caller, password: string, remoteAddress: string | undefined) {
  if (!caller.participant) throw new Refusal(ErrorCode.forbidden, 'Your organisation erases members’ accounts: ask an administrator.');
  const me = await ctx.db.get<{ name: string; email: string; password_hash: string }>('SELECT name, email, password_hash FROM users WHERE id = ?', [caller.id]);
  if (!me) throw new Refusal(ErrorCode.unauthenticated, 'Sign in again.');
  await judgePassword(ctx, me.email, remoteAddress, async () => {
    if (!(await verifyPassword(ctx.hashing, password, me.password_hash))) throw new Refusal(ErrorCode.invalidCredentials, 'The password is wrong.');
  });
  return eraseAccount(ctx, { orgId: caller.orgId, userId: caller.id, name: me.name, email: me.email }, caller.id);
}

/** The erasure itself, by `byId` (an administrator, or the participant themself). */
async function eraseAccount(ctx: Context, user: { orgId: string; userId: string; name: string; email: string }, byId: string) {
  const { userId } = user;
  const caller = { orgId: user.orgId, id: byId };
  const row = await ctx.db.get<{ erased_at: string | null; phone: string | null }>('SELECT erased_at, phone FROM users WHERE id = ?', [userId]);
  if (row?.erased_at) throw new Refusal(ErrorCode.conflict, 'This person was already erased.');
  const org = await organizationOf(ctx, caller.orgId);
  const name = org.locale === 'fr' ? formerMemberName.fr : formerMemberName.en;
  const activities = await ctx.db.all<{ activity_id: string }>("SELECT activity_id FROM activity_members WHERE subject_kind = 'user' AND subject_id = ?", [userId]);
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now().toISOString();
    await tx.run(
      `UPDATE users SET name = ?, email = ?, phone = NULL, password_hash = '!', locale = NULL, language = NULL,
         public_name = 0, disabled_at = COALESCE(disabled_at, ?), erased_at = ? WHERE id = ?`,
      [name, `erased-${userId}@erased.invalid`, at, at, userId],
    );
    await tx.run('DELETE FROM public_participations WHERE user_id = ?', [userId]);
    await tx.run('DELETE FROM public_signups WHERE email = ?', [user.email]);
    await tx.run('UPDATE sessions SET revoked_at = COALESCE(revoked_at, ?), device = NULL WHERE user_id = ?', [at, userId]);
    await tx.run('UPDATE sync_tickets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [at, userId]);
    for (const table of ['password_resets', 'email_changes', 'phone_changes', 'mail_reply_tokens', 'group_members', 'figure_controllers', 'notification_prefs', 'digest_items', 'activity_notices']) {
      await tx.run(`DELETE FROM ${table} WHERE user_id = ?`, [userId]);
    }
    await tx.run("DELETE FROM activity_members WHERE subject_kind = 'user' AND subject_id = ?", [userId]);
    await tx.run("DELETE FROM figure_list_members WHERE subject_kind = 'user' AND subject_id = ?", [userId]);
    await tx.run('DELETE FROM sms_consents WHERE org_id = ? AND (user_id = ? OR phone = ?)', [caller.orgId, userId, row?.phone ?? '']);
    await tx.run('UPDATE sms_consent_events SET phone = ? WHERE org_id = ? AND (user_id = ? OR phone = ?)', [erased, caller.orgId, userId, row?.phone ?? '']);
    // Their SMS, and the organisation's to and from their number while it was no one's (a START before their account, an invitation's copy).
    const phone = row?.phone ?? '';
    await tx.run('UPDATE sms_messages SET to_phone = ?, text = ? WHERE user_id = ? OR (org_id = ? AND to_phone = ?)', [erased, erased, userId, caller.orgId, phone]);
    await tx.run('UPDATE sms_inbound SET from_phone = ?, text = ? WHERE user_id = ? OR (org_id = ? AND from_phone = ?)', [erased, erased, userId, caller.orgId, phone]);
    await tx.run('UPDATE mail_messages SET to_address = ?, subject = ?, text = ?, html = ? WHERE user_id = ? OR (org_id = ? AND to_address = ?)', [
      erased,
      erased,
      erased,
      erased,
      userId,
      caller.orgId,
      user.email,
    ]);
    // What was written for others (invitations they sent, notices, digests, e-mails, SMS) keeps its text, without them.
    await eraseCopies(tx, caller.orgId, [
      { needle: user.name, by: name },
      { needle: user.email, by: erased },
      { needle: row?.phone ?? '', by: erased },
    ]);
    // The activities' documents and their history follow in the background (server/history/erasure.ts,
    // SPEC E1–E4): every activity of the organisation, since others may have mentioned them anywhere.
    const needles = [user.name, user.email, row?.phone ?? ''].filter((n) => n.length > 0);
    await tx.run(
      `INSERT INTO erasure_documents (user_id, activity_id, by_id, former, needles)
       SELECT ?, id, ?, ?, ? FROM activities WHERE org_id = ? ON CONFLICT DO NOTHING`,
      [userId, caller.id, name, JSON.stringify(needles), caller.orgId],
    );
    await tx.run('INSERT INTO erasure_wipe_due (one) VALUES (1) ON CONFLICT DO NOTHING');
    await tx.run('UPDATE invitations SET email = ?, name = NULL, phone = NULL WHERE accepted_user_id = ? OR (org_id = ? AND email = ?)', [
      erased,
      userId,
      caller.orgId,
      user.email,
    ]);
    // Other organisations' invitations to the address, and their e-mails: gone, as if never sent.
    await eraseElsewhere(tx, caller.orgId, user.email);
  });
  await revokeSessions(ctx, userId);
  for (const { activity_id } of activities) await ctx.events.accessChanged(activity_id);
  ctx.log.info({ userId, by: byId }, 'person erased');
  return { erased: true };
}
