import { roleRank, type ActivityRole } from '#core/api/activities';
import type { Queries } from '../store/db.ts';

/**
 * A person's effective role in an activity: the highest of the roles given to them
 * directly and through their groups; null when they are not a member at all.
 */
export async function effectiveRole(db: Queries, activityId: string, userId: string): Promise<ActivityRole | null> {
  const rows = await db.all<{ role: ActivityRole }>(
    `SELECT role FROM activity_members WHERE activity_id = ? AND subject_kind = 'user' AND subject_id = ?
     UNION ALL
     SELECT am.role FROM activity_members am JOIN group_members gm ON gm.group_id = am.subject_id
      WHERE am.activity_id = ? AND am.subject_kind = 'group' AND gm.user_id = ?`,
    [activityId, userId, activityId, userId],
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
