import type { ActivityMember, ActivityPerson, ActivityRole, AddMemberRequest } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { writeNotices } from '../notifications/activity-notices.ts';
import { requireRight } from '../organizations/rights.ts';
import type { Queries } from '../store/db.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { overriddenBy, resolveRole, toSource, type RoleSource } from './access.ts';
import { activityFor, requireFacilitator } from './activities.ts';
import { dialect } from '../store/dialect.ts';

type SubjectKind = 'user' | 'group';

function subjectOf(input: AddMemberRequest): { kind: SubjectKind; id: string } {
  return 'userId' in input ? { kind: 'user', id: input.userId } : { kind: 'group', id: input.groupId };
}

/** The person or group is of the caller's organisation; a guest is added only by whoever may invite guests (as a new one would be). */
async function checkSubject(ctx: Context, caller: Caller, kind: SubjectKind, id: string) {
  const row =
    kind === 'user'
      ? await ctx.db.get<{ guest: number; participant: number; name: string }>('SELECT guest, participant, name FROM users WHERE id = ? AND org_id = ?', [id, caller.orgId])
      : await ctx.db.get<{ guest: number; participant: number; name: string }>('SELECT 0 AS guest, 0 AS participant, name FROM groups WHERE id = ? AND org_id = ?', [id, caller.orgId]);
  if (!row) throw badRequest(`No such ${kind === 'user' ? 'person' : 'group'} in this organisation: ${id}.`);
  // A public participant signed up on a published idea box: they take part there, and nowhere else of the organisation.
  if (row.participant === 1) throw conflict(`${row.name} is a public participant of your idea campaigns: they cannot be added to an activity.`);
  if (row.guest === 1) await requireRight(ctx, caller, 'inviteGuests');
}

/** People of one group told at most when the group is added to an activity: as many as a group may hold (core/api/users.ts). */
export const toldPerGroup = 10_000;

/**
 * Adds a person or a group with a role; adding one already there changes their role. Who
 * is added hears of it (`invitation`): a notice in their bell, written in the same
 * transaction, then told by e-mail and SMS as they chose (notifications/notice-teller.ts);
 * for a group, each of its people (one statement, at most `toldPerGroup`); each person once
 * per activity, however many times or ways they are added; never the facilitator adding.
 */
export async function addMember(ctx: Context, caller: Caller, activityId: string, input: AddMemberRequest) {
  await requireFacilitator(ctx, caller, activityId);
  const subject = subjectOf(input);
  await checkSubject(ctx, caller, subject.kind, subject.id);
  const at = ctx.now().toISOString();
  const noticed = await ctx.db.transaction(async (tx) => {
    const added = await tx.run(
      `INSERT INTO activity_members (activity_id, subject_kind, subject_id, role, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (activity_id, subject_kind, subject_id) DO NOTHING`,
      [activityId, subject.kind, subject.id, input.role, at],
    );
    if (added.changes === 0) {
      await tx.run('UPDATE activity_members SET role = ? WHERE activity_id = ? AND subject_kind = ? AND subject_id = ?', [input.role, activityId, subject.kind, subject.id]);
      return 0;
    }
    return noticeAdded(tx, caller, activityId, subject, at);
  });
  await ctx.events.accessChanged(activityId);
  if (noticed > 0) ctx.events.noticesPending();
  return listMembers(ctx, caller, activityId);
}

/** Writes the notices of a person or group just added (a group's disabled and erased people left out); returns how many. */
async function noticeAdded(tx: Queries, caller: Caller, activityId: string, subject: { kind: SubjectKind; id: string }, at: string): Promise<number> {
  if (subject.kind === 'user') {
    if (subject.id === caller.id) return 0;
    const key = `invitation:${activityId}:${subject.id}`;
    return writeNotices(tx, [{ userId: subject.id, orgId: caller.orgId, activityId, kind: 'invitation', subjectId: activityId, actorId: caller.id, about: null, key, at }]);
  }
  const done = await tx.run(
    `INSERT INTO activity_notices (user_id, org_id, activity_id, kind, subject_id, actor_id, about, key, created_at)
     SELECT gm.user_id, ?1, ?2, 'invitation', ?2, ?3, NULL, 'invitation:' || ?2 || ':' || gm.user_id, ?4
       FROM group_members gm JOIN users u ON u.id = gm.user_id
      WHERE gm.group_id = ?5 AND gm.user_id <> ?3 AND u.disabled_at IS NULL AND u.erased_at IS NULL
      ORDER BY gm.user_id LIMIT ?6
     ON CONFLICT (key) DO NOTHING`,
    [caller.orgId, activityId, caller.id, at, subject.id, toldPerGroup],
  );
  return done.changes;
}

/** Per change of a group: its running activities its joiners hear of (the newest first), and notices written, at most. */
export const activitiesPerGroupChange = 100;
export const toldPerGroupChange = 10_000;

/**
 * People who just joined a group (in the caller's transaction) hear of each running
 * activity the group is in (draft, open, deciding; content not removed) as if added: an
 * `invitation` notice with the same key, so nobody hears twice of one activity however
 * they came to it — not those who already reached it directly or through another group,
 * not the administrator making the change, nor disabled or erased people. One statement:
 * the group's `activitiesPerGroupChange` newest running activities, at most
 * `toldPerGroupChange` notices. Returns how many were written.
 */
export async function noticeGroupJoiners(tx: Queries, caller: Caller, groupId: string, joiners: readonly string[], at: string): Promise<number> {
  if (joiners.length === 0) return 0;
  const done = await tx.run(
    `INSERT INTO activity_notices (user_id, org_id, activity_id, kind, subject_id, actor_id, about, key, created_at)
     SELECT u.id, ?1, r.id, 'invitation', r.id, ?2, NULL, 'invitation:' || r.id || ':' || u.id, ?3
       FROM (SELECT a.id FROM activity_members am JOIN activities a ON a.id = am.activity_id
              WHERE am.subject_kind = 'group' AND am.subject_id = ?4 AND a.org_id = ?1
                AND a.status IN ('draft', 'open', 'deciding') AND a.content_removed_at IS NULL
              ORDER BY a.updated_at DESC, a.id LIMIT ?6) r
       JOIN users u ON u.id IN (${dialect.jsonValues(tx.engine, '?5')})
      WHERE u.org_id = ?1 AND u.id <> ?2 AND u.disabled_at IS NULL AND u.erased_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM activity_members d WHERE d.activity_id = r.id AND d.subject_kind = 'user' AND d.subject_id = u.id)
        AND NOT EXISTS (SELECT 1 FROM activity_members o JOIN group_members gm ON gm.group_id = o.subject_id
                         WHERE o.activity_id = r.id AND o.subject_kind = 'group' AND o.subject_id <> ?4 AND gm.user_id = u.id)
      LIMIT ?7
     ON CONFLICT (key) DO NOTHING`,
    [caller.orgId, caller.id, at, groupId, JSON.stringify(joiners), activitiesPerGroupChange, toldPerGroupChange],
  );
  return done.changes;
}

export async function changeMemberRole(
  ctx: Context,
  caller: Caller,
  activityId: string,
  kind: SubjectKind,
  subjectId: string,
  role: ActivityRole,
) {
  await requireFacilitator(ctx, caller, activityId);
  await ensureAFacilitatorRemains(ctx, activityId, kind, subjectId, role);
  const result = await ctx.db.run(
    'UPDATE activity_members SET role = ? WHERE activity_id = ? AND subject_kind = ? AND subject_id = ?',
    [role, activityId, kind, subjectId],
  );
  if (result.changes === 0) throw notFound('member');
  await ctx.events.accessChanged(activityId);
  return listMembers(ctx, caller, activityId);
}

export async function removeMember(ctx: Context, caller: Caller, activityId: string, kind: SubjectKind, subjectId: string) {
  await requireFacilitator(ctx, caller, activityId);
  await ensureAFacilitatorRemains(ctx, activityId, kind, subjectId, null);
  const result = await ctx.db.run(
    'DELETE FROM activity_members WHERE activity_id = ? AND subject_kind = ? AND subject_id = ?',
    [activityId, kind, subjectId],
  );
  if (result.changes === 0) throw notFound('member');
  await ctx.events.accessChanged(activityId);
  return listMembers(ctx, caller, activityId);
}

/** An activity always keeps at least one person named facilitator directly. */
async function ensureAFacilitatorRemains(
  ctx: Context,
  activityId: string,
  kind: SubjectKind,
  subjectId: string,
  newRole: ActivityRole | null,
) {
  if (kind !== 'user' || newRole === 'facilitator') return;
  const others = await ctx.db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM activity_members WHERE activity_id = ? AND subject_kind = 'user'
        AND role = 'facilitator' AND subject_id <> ?`,
    [activityId, subjectId],
  );
  const target = await ctx.db.get<{ role: ActivityRole }>(
    `SELECT role FROM activity_members WHERE activity_id = ? AND subject_kind = 'user' AND subject_id = ?`,
    [activityId, subjectId],
  );
  if (target?.role === 'facilitator' && (others?.n ?? 0) === 0) {
    throw conflict('An activity needs a facilitator: name another one first.');
  }
}

export async function listMembers(ctx: Context, caller: Caller, activityId: string): Promise<ActivityMember[]> {
  await activityFor(ctx, caller, activityId);
  const rows = await ctx.db.all<{ kind: SubjectKind; id: string; name: string; role: ActivityRole; guest: number }>(
    `SELECT am.subject_kind AS kind, am.subject_id AS id, COALESCE(u.name, g.name, '?') AS name, am.role, COALESCE(u.guest, 0) AS guest
       FROM activity_members am
       LEFT JOIN users u ON am.subject_kind = 'user' AND u.id = am.subject_id
       LEFT JOIN groups g ON am.subject_kind = 'group' AND g.id = am.subject_id
      WHERE am.activity_id = ? ORDER BY am.subject_kind DESC, lower(COALESCE(u.name, g.name, '?'))`,
    [activityId],
  );
  return rows.map((r) => ({ ...r, guest: r.guest === 1 }));
}

/**
 * Everyone named in the activity, directly or through a group, with their effective role
 * and its source: the same judgement (`resolveRole`) the relay applies to their tickets and
 * live edits, so the Members tab never says viewer while the person edits. Disabled
 * and erased people are left out.
 */
export async function listActivityPeople(ctx: Context, caller: Caller, activityId: string): Promise<ActivityPerson[]> {
  await activityFor(ctx, caller, activityId);
  const rows = await ctx.db.all<{ user_id: string; name: string; guest: number; via: 'direct' | 'group'; role: ActivityRole; group_id: string | null; group_name: string | null }>(
    `SELECT s.user_id, u.name, u.guest, s.via, s.role, s.group_id, s.group_name FROM (
       SELECT subject_id AS user_id, 'direct' AS via, role, NULL AS group_id, NULL AS group_name FROM activity_members
        WHERE activity_id = ?1 AND subject_kind = 'user'
       UNION ALL
       SELECT gm.user_id, 'group', am.role, g.id, g.name FROM activity_members am
         JOIN group_members gm ON gm.group_id = am.subject_id JOIN groups g ON g.id = am.subject_id
        WHERE am.activity_id = ?1 AND am.subject_kind = 'group') s
     JOIN users u ON u.id = s.user_id WHERE u.disabled_at IS NULL AND u.erased_at IS NULL
     ORDER BY lower(u.name), u.id, s.group_name`,
    [activityId],
  );
  const byPerson = new Map<string, { name: string; guest: boolean; sources: RoleSource[] }>();
  for (const row of rows) {
    const person = byPerson.get(row.user_id) ?? { name: row.name, guest: row.guest === 1, sources: [] };
    person.sources.push(toSource(row));
    byPerson.set(row.user_id, person);
  }
  const people: ActivityPerson[] = [];
  for (const [userId, { name, guest, sources }] of byPerson) {
    const kept = resolveRole(sources);
    if (!kept || kept.via === 'organisation') continue;
    const over = overriddenBy(sources, kept);
    people.push({
      userId,
      name,
      guest,
      role: kept.role,
      via: kept.via,
      group: kept.via === 'group' ? { id: kept.groupId, name: kept.groupName } : null,
      overridden: over?.via === 'group' ? { groupName: over.groupName, role: over.role } : null,
    });
  }
  return people;
}
