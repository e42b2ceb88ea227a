import { effectiveRole } from '../activities/access.ts';
import type { Queries } from '../store/db.ts';

/** People named facilitator of an activity at most (directly or through a group): a bound on who is told. */
const most = 200;

/** The people who facilitate the activity now: its facilitator and those given the role, directly or by group, not disabled nor erased. */
export async function facilitatorsOf(db: Queries, activityId: string): Promise<string[]> {
  const named = await db.all<{ id: string }>(
    `SELECT a.facilitator_id AS id FROM activities a WHERE a.id = ?1
     UNION SELECT m.subject_id FROM activity_members m WHERE m.activity_id = ?1 AND m.subject_kind = 'user' AND m.role = 'facilitator'
     UNION SELECT g.user_id FROM activity_members m JOIN group_members g ON g.group_id = m.subject_id
      WHERE m.activity_id = ?1 AND m.subject_kind = 'group' AND m.role = 'facilitator'
     LIMIT ${most}`,
    [activityId],
  );
  const out: string[] = [];
  for (const { id } of named) {
    const person = await db.get('SELECT 1 AS one FROM users WHERE id = ? AND disabled_at IS NULL AND erased_at IS NULL', [id]);
    if (person && (await effectiveRole(db, activityId, id)) === 'facilitator') out.push(id);
  }
  return out;
}
