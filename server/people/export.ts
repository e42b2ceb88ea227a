import { exportRowsMax, type PersonalExport } from '#core/api/people';
import type { Caller } from '../accounts/sessions.ts';
import { getUser, organizationOf } from '../accounts/users.ts';
import type { Context } from '../context.ts';

/** What the relay holds about person `userId` of the caller's organisation (the caller: themself or an administrator). */
export async function exportPerson(ctx: Context, caller: Caller, userId: string): Promise<PersonalExport> {
  const user = await getUser(ctx, caller, userId);
  const org = await organizationOf(ctx, caller.orgId);
  const db = ctx.db;
  const max = exportRowsMax;
  const own = await db.get<{ locale: string | null; public_name: number }>('SELECT locale, public_name FROM users WHERE id = ?', [userId]);
  const locale = own?.locale ?? null;
  const campaigns = await db.all<{ slug: string; title: string }>(
    `SELECT a.public_slug AS slug, a.title FROM public_participations p JOIN activities a ON a.id = p.activity_id
      WHERE p.user_id = ? AND a.public_slug IS NOT NULL ORDER BY p.joined_at DESC LIMIT ?`,
    [userId, max],
  );
  const [sessions, groups, activities, consent, smsIn, smsOut, mails, ideas, votes, comments, ratings, invitations] = await Promise.all([
    db.all<{ device: string | null; created_at: string; last_seen_at: string | null; revoked_at: string | null }>(
      'SELECT device, created_at, last_seen_at, revoked_at FROM sessions WHERE user_id = ? ORDER BY created_at DESC LIMIT ?',
      [userId, max],
    ),
    db.all<{ name: string }>('SELECT g.name FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.name LIMIT ?', [userId, max]),
    db.all<{ id: string; title: string; role: string }>(
      `SELECT a.id, a.title, m.role FROM activity_members m JOIN activities a ON a.id = m.activity_id
        WHERE m.subject_kind = 'user' AND m.subject_id = ? ORDER BY a.created_at DESC LIMIT ?`,
      [userId, max],
    ),
    db.all<{ phone: string; action: string; how: string; at: string }>(
      'SELECT phone, action, how, at FROM sms_consent_events WHERE org_id = ? AND user_id = ? ORDER BY id DESC LIMIT ?',
      [caller.orgId, userId, max],
    ),
    db.all<{ text: string; kind: string; status: string; created_at: string }>(
      'SELECT text, kind, status, created_at FROM sms_messages WHERE user_id = ? ORDER BY created_at DESC LIMIT ?',
      [userId, max],
    ),
    db.all<{ text: string; received_at: string }>('SELECT text, received_at FROM sms_inbound WHERE user_id = ? ORDER BY received_at DESC LIMIT ?', [userId, max]),
    db.all<{ subject: string; kind: string; status: string; created_at: string }>(
      'SELECT subject, kind, status, created_at FROM mail_messages WHERE user_id = ? ORDER BY seq DESC LIMIT ?',
      [userId, max],
    ),
    db.all<{ id: string; title: string; text: string; status: string; created_at: string }>(
      'SELECT id, title, text, status, created_at FROM ideas WHERE author_id = ? ORDER BY created_at DESC LIMIT ?',
      [userId, max],
    ),
    db.all<{ idea_id: string; voted_at: string }>('SELECT idea_id, voted_at FROM idea_votes WHERE user_id = ? ORDER BY voted_at DESC LIMIT ?', [userId, max]),
    db.all<{ idea_id: string; text: string; created_at: string }>(
      'SELECT idea_id, text, created_at FROM idea_comments WHERE author_id = ? ORDER BY created_at DESC LIMIT ?',
      [userId, max],
    ),
    db.all<{ decision_id: string; rating: number; comment: string | null; rated_at: string }>(
      'SELECT decision_id, rating, comment, rated_at FROM decision_ratings WHERE user_id = ? ORDER BY rated_at DESC LIMIT ?',
      [userId, max],
    ),
    db.all<{ email: string; created_at: string; accepted_at: string | null }>(
      'SELECT email, created_at, accepted_at FROM invitations WHERE invited_by = ? ORDER BY created_at DESC LIMIT ?',
      [userId, max],
    ),
  ]);
  return {
    exportedAt: ctx.now().toISOString(),
    person: { id: user.id, name: user.name, email: user.email, phone: user.phone, role: user.role, language: locale, guest: user.guest, createdAt: user.createdAt, organization: org.name, namedPublicly: Number(own?.public_name) === 1 },
    campaigns,
    sessions: sessions.map((s) => ({ device: s.device, createdAt: s.created_at, lastSeenAt: s.last_seen_at, revokedAt: s.revoked_at })),
    groups: groups.map((g) => g.name),
    activities,
    smsConsent: consent,
    smsReceived: smsIn.map((m) => ({ text: m.text, kind: m.kind, status: m.status, at: m.created_at })),
    smsSent: smsOut.map((m) => ({ text: m.text, at: m.received_at })),
    emailsReceived: mails.map((m) => ({ subject: m.subject, kind: m.kind, status: m.status, at: m.created_at })),
    ideas: ideas.map((i) => ({ id: i.id, title: i.title, text: i.text, status: i.status, createdAt: i.created_at })),
    ideaVotes: votes.map((v) => ({ ideaId: v.idea_id, at: v.voted_at })),
    ideaComments: comments.map((c) => ({ ideaId: c.idea_id, text: c.text, at: c.created_at })),
    decisionRatings: ratings.map((r) => ({ decisionId: r.decision_id, rating: r.rating, comment: r.comment, at: r.rated_at })),
    invitationsSent: invitations.map((i) => ({ email: i.email, createdAt: i.created_at, acceptedAt: i.accepted_at })),
  };
}
