import type { ActivityMember, ActivityPerson, ActivityRole, AddMemberRequest } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import { activityLink } from '#core/people/links';
import type { Context } from '../context.ts';
import { notify } from '../notifications/notify.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { overriddenBy, resolveRole, toSource, type RoleSource } from './access.ts';
import { activityFor, requireFacilitator } from './activities.ts';

type SubjectKind = 'user' | 'group';

function subjectOf(input: AddMemberRequest): { kind: SubjectKind; id: string } {
  return 'userId' in input ? { kind: 'user', id: input.userId } : { kind: 'group', id: input.groupId };
}

async function checkSubject(ctx: Context, caller: Caller, kind: SubjectKind, id: string) {
  const table = kind === 'user' ? 'users' : 'groups';
  const row = await ctx.db.get(`SELECT 1 AS one FROM ${table} WHERE id = ? AND org_id = ?`, [id, caller.orgId]);
  if (!row) throw badRequest(`No such ${kind === 'user' ? 'person' : 'group'} in this organisation: ${id}.`);
}

/** Adds a person or a group with a role; adding one already there changes their role. */
export async function addMember(ctx: Context, caller: Caller, activityId: string, input: AddMemberRequest) {
  const activity = await requireFacilitator(ctx, caller, activityId);
  const subject = subjectOf(input);
  await checkSubject(ctx, caller, subject.kind, subject.id);
  const at = ctx.now().toISOString();
  const added = await ctx.db.run(
    `INSERT INTO activity_members (activity_id, subject_kind, subject_id, role, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (activity_id, subject_kind, subject_id) DO NOTHING`,
    [activityId, subject.kind, subject.id, input.role, at],
  );
  if (added.changes === 0) {
    await ctx.db.run('UPDATE activity_members SET role = ? WHERE activity_id = ? AND subject_kind = ? AND subject_id = ?', [input.role, activityId, subject.kind, subject.id]);
  }
  await ctx.events.accessChanged(activityId);
  if (added.changes > 0 && subject.kind === 'user' && subject.id !== caller.id) await tellInvited(ctx, caller, activity, subject.id, at);
  return listMembers(ctx, caller, activityId);
}

/** A person added to an activity hears of it as they chose for `invitation` (in the app: the activity is in their list). */
async function tellInvited(ctx: Context, caller: Caller, activity: { id: string; title: string }, userId: string, at: string) {
  await notify(ctx, {
    orgId: caller.orgId,
    userId,
    kind: 'invitation',
    key: `member:${activity.id}:${userId}:${at}`,
    activityId: activity.id,
    requestedBy: caller.id,
    write: (lang) => ({
      title: lang === 'fr' ? `${caller.name} vous invite à « ${activity.title} »` : `${caller.name} invites you to "${activity.title}"`,
      lines: [lang === 'fr' ? 'Vous participez désormais à cette activité dans Conclave.' : 'You now take part in this activity in Conclave.'],
      link: activityLink(ctx.config.publicUrl ?? '', activity.id),
    }),
    sms: {
      kind: 'activities.invitation',
      urgent: false,
      text: (lang) => (lang === 'fr' ? `Conclave : ${caller.name} vous invite à « ${activity.title} ».` : `Conclave: ${caller.name} invites you to "${activity.title}".`),
    },
  }).catch((err: unknown) => ctx.log.error({ err, activityId: activity.id }, 'could not tell a person they were added'));
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
      WHERE am.activity_id = ? ORDER BY am.subject_kind DESC, name COLLATE NOCASE`,
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
     ORDER BY u.name COLLATE NOCASE, u.id, s.group_name`,
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
