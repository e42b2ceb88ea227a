import { roleRank, type ActivityRole } from '#core/api/activities';
import type { Queries } from '../store/db.ts';

/**
 * An idea box nobody was invited to (no member but its facilitators) is open to the
 * whole organisation: every person of it contributes. Inviting a person or a group
 * closes it to them. Boards are never open. `alias` names the activities row.
 */
export const openToOrganisation = (alias: string) =>
  `${alias}.kind = 'ideas' AND NOT EXISTS (SELECT 1 FROM activity_members om
     WHERE om.activity_id = ${alias}.id AND om.role <> 'facilitator')`;

/** Where a person's role in an activity comes from. */
export type RoleSource =
  | { via: 'direct'; role: ActivityRole }
  | { via: 'group'; role: ActivityRole; groupId: string; groupName: string }
  | { via: 'organisation'; role: ActivityRole };

/**
 * The rule (README, "Roles in an activity"): **a role given to the person directly wins**
 * over the roles their groups bring, higher or lower — a facilitator who sets someone to
 * viewer means it, even if that person is also in a contributor group. Without a direct
 * role, the highest of their groups' roles counts; then, for an idea box open to the
 * organisation, contributor. The one judgement behind the relay's ticket and live checks,
 * the API and the Members tab; `effectiveRolesSql` is the same rule for many people at once.
 */
export function resolveRole(sources: readonly RoleSource[]): RoleSource | null {
  const direct = sources.find((s) => s.via === 'direct');
  if (direct) return direct;
  let best: RoleSource | null = null;
  for (const source of sources) {
    if (best === null || roleRank[source.role] > roleRank[best.role]) best = source;
  }
  return best;
}

/** What the person would hold through a group, when a lower direct role overrides it (the Members tab says so). */
export function overriddenBy(sources: readonly RoleSource[], kept: RoleSource): RoleSource | null {
  if (kept.via !== 'direct') return null;
  const groups = resolveRole(sources.filter((s) => s.via !== 'direct'));
  return groups && roleRank[groups.role] > roleRank[kept.role] ? groups : null;
}

/** Every source of a person's role in an activity. */
export async function roleSources(db: Queries, activityId: string, userId: string): Promise<RoleSource[]> {
  const rows = await db.all<{ via: RoleSource['via']; role: ActivityRole; group_id: string | null; group_name: string | null }>(
    `SELECT 'direct' AS via, role, NULL AS group_id, NULL AS group_name FROM activity_members
      WHERE activity_id = ? AND subject_kind = 'user' AND subject_id = ?
     UNION ALL
     SELECT 'group', am.role, g.id, g.name FROM activity_members am
       JOIN group_members gm ON gm.group_id = am.subject_id JOIN groups g ON g.id = am.subject_id
      WHERE am.activity_id = ? AND am.subject_kind = 'group' AND gm.user_id = ?
     UNION ALL
     SELECT 'organisation', 'contributor', NULL, NULL FROM activities a
       JOIN users u ON u.org_id = a.org_id AND u.id = ? AND u.disabled_at IS NULL AND u.guest = 0
      WHERE a.id = ? AND ${openToOrganisation('a')}`,
    [activityId, userId, activityId, userId, userId, activityId],
  );
  return rows.map(toSource);
}

export function toSource(row: { via: RoleSource['via']; role: ActivityRole; group_id: string | null; group_name: string | null }): RoleSource {
  if (row.via === 'group') return { via: 'group', role: row.role, groupId: row.group_id ?? '', groupName: row.group_name ?? '' };
  return { via: row.via, role: row.role };
}

/** A person's effective role in an activity (`resolveRole`); null when they are not a member at all. */
export async function effectiveRole(db: Queries, activityId: string, userId: string): Promise<ActivityRole | null> {
  return resolveRole(await roleSources(db, activityId, userId))?.role ?? null;
}

const rankOf = (column: string) => `CASE ${column} WHEN 'facilitator' THEN 2 WHEN 'contributor' THEN 1 ELSE 0 END`;

/**
 * `resolveRole` for everyone named in activity `?1` (directly or through a group), as a
 * subquery of `(user_id, role)`: one statement, whatever the number of members. People
 * of an organisation an idea box is open to are not listed (they are not named).
 */
export const effectiveRolesSql = `
  SELECT user_id, role FROM (
    SELECT user_id, role, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY direct DESC, ${rankOf('role')} DESC) AS n FROM (
      SELECT subject_id AS user_id, role, 1 AS direct FROM activity_members WHERE activity_id = ?1 AND subject_kind = 'user'
      UNION ALL
      SELECT gm.user_id, am.role, 0 FROM activity_members am JOIN group_members gm ON gm.group_id = am.subject_id
       WHERE am.activity_id = ?1 AND am.subject_kind = 'group') sources) ranked
   WHERE n = 1`;

/** What each role may do; one table, read by the HTTP API and the sync relay alike. */
export const may = {
  read: (role: ActivityRole | null) => role !== null,
  edit: (role: ActivityRole | null) => role === 'contributor' || role === 'facilitator',
  facilitate: (role: ActivityRole | null) => role === 'facilitator',
} as const;
