import type { ActivityNotice, ActivityNoticeKind } from '#core/api/notifications';
import type { Caller } from '../accounts/sessions.ts';
import { effectiveRole } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Queries } from '../store/db.ts';

/**
 * In-app notices about an activity (core/api/notifications.ts `ActivityNotice`): written by
 * the features that make them (mentions taken from the sync log, polls opening and
 * closing soon, people added), always for people who may see the activity, each keyed so
 * that it is written once; `NoticeTeller` (notice-teller.ts) then sends each by e-mail and
 * SMS as its person chose.
 */
export interface NewNotice {
  userId: string;
  orgId: string;
  activityId: string;
  kind: ActivityNoticeKind;
  subjectId: string;
  actorId: string | null;
  about: string | null;
  /** Names the notice: a second one with the same key is not written. */
  key: string;
  at: string;
}

/** Writes notices (in the caller's transaction); those whose key exists are skipped. Returns how many were written. */
export async function writeNotices(tx: Queries, notices: NewNotice[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < notices.length; start += 200) {
    const part = notices.slice(start, start + 200);
    const done = await tx.run(
      `INSERT INTO activity_notices (user_id, org_id, activity_id, kind, subject_id, actor_id, about, key, created_at)
       VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (key) DO NOTHING`,
      part.flatMap((n) => [n.userId, n.orgId, n.activityId, n.kind, n.subjectId, n.actorId, n.about, n.key, n.at]),
    );
    written += done.changes;
  }
  return written;
}

/** Who of `userIds` may see the activity now (an effective role, not disabled nor erased). */
export async function whoMaySee(db: Queries, activityId: string, userIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const userId of userIds) {
    const person = await db.get('SELECT 1 AS one FROM users WHERE id = ? AND disabled_at IS NULL AND erased_at IS NULL', [userId]);
    if (person && (await effectiveRole(db, activityId, userId)) !== null) out.push(userId);
  }
  return out;
}

interface NoticeRow {
  id: number;
  kind: ActivityNoticeKind;
  activity_id: string;
  title: string;
  actor_name: string | null;
  subject_id: string;
  about: string | null;
  deadline: string | null;
  created_at: string;
  read_at: string | null;
}

/** The caller's newest notices, of activities they may still see (a notice never shows an activity to someone taken out of it). */
export async function listActivityNotices(ctx: Context, caller: Caller, limit = 100): Promise<ActivityNotice[]> {
  const rows = await ctx.db.all<NoticeRow>(
    `SELECT n.id, n.kind, n.activity_id, a.title, u.name AS actor_name, n.subject_id, n.about, r.deadline, n.created_at, n.read_at
       FROM activity_notices n JOIN activities a ON a.id = n.activity_id
       LEFT JOIN users u ON u.id = n.actor_id
       LEFT JOIN polls p ON n.kind IN ('vote_opening', 'vote_closing') AND p.id = n.subject_id
       LEFT JOIN poll_rounds r ON r.poll_id = p.id AND r.round = p.round
      WHERE n.user_id = ? ORDER BY n.id DESC LIMIT ?`,
    [caller.id, limit],
  );
  const seen = new Map<string, boolean>();
  const out: ActivityNotice[] = [];
  for (const r of rows) {
    if (!seen.has(r.activity_id)) seen.set(r.activity_id, (await effectiveRole(ctx.db, r.activity_id, caller.id)) !== null);
    if (!seen.get(r.activity_id)) continue;
    out.push({
      id: r.id,
      kind: r.kind,
      activityId: r.activity_id,
      activityTitle: r.title,
      actorName: r.actor_name,
      subjectId: r.subject_id,
      about: r.about,
      deadline: r.deadline,
      createdAt: r.created_at,
      readAt: r.read_at,
    });
  }
  return out;
}

export async function readActivityNotice(ctx: Context, caller: Caller, id: number) {
  const done = await ctx.db.run('UPDATE activity_notices SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?', [ctx.now().toISOString(), id, caller.id]);
  if (done.changes === 0) throw notFound('notice');
}
