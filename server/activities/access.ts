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

/**
 * A person's effective role in an activity: the highest of the roles given to them
 * directly and through their groups (or as a person of the organisation, for an idea
 * box open to it); null when they are not a member at all.
 */
export async function effectiveRole(db: Queries, activityId: string, userId: string): Promise<ActivityRole | null> {
  const rows = await db.all<{ role: ActivityRole }>(
    `SELECT role FROM activity_members WHERE activity_id = ? AND subject_kind = 'user' AND subject_id = ?
     UNION ALL
     SELECT am.role FROM activity_members am JOIN group_members gm ON gm.group_id = am.subject_id
      WHERE am.activity_id = ? AND am.subject_kind = 'group' AND gm.user_id = ?
     UNION ALL
     SELECT 'contributor' FROM activities a JOIN users u ON u.org_id = a.org_id AND u.id = ? AND u.disabled_at IS NULL AND u.guest = 0
      WHERE a.id = ? AND ${openToOrganisation('a')}`,
    [activityId, userId, activityId, userId, userId, activityId],
  );
  return highestRole(rows.map((r) => r.role));
}

export function highestRole(roles: ActivityRole[]): ActivityRole | null {
  let best: ActivityRole | null = null;
  for (const role of roles) if (best === null || roleRank[role] > roleRank[best]) best = role;
  return best;
}

/** What each role may do; one table, read by the HTTP API and the sync relay alike. */
export const may = {
  read: (role: ActivityRole | null) => role !== null,
  edit: (role: ActivityRole | null) => role === 'contributor' || role === 'facilitator',
  facilitate: (role: ActivityRole | null) => role === 'facilitator',
} as const;
