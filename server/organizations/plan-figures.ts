import { closedStatuses, planOf, type Plan } from '#core/plans/plans';
import type { Queries } from '../store/db.ts';

/**
 * What the plans count, read from the store each time (never cached): a plan changed by
 * the operator (scripts/operator.ts, on the same file) holds from the next request on.
 */
export async function planOfOrganization(db: Queries, orgId: string): Promise<Plan> {
  const row = await db.get<{ plan: string }>('SELECT plan FROM organizations WHERE id = ?', [orgId]);
  return planOf(row?.plan ?? 'basic');
}

const closed = closedStatuses.map((s) => `'${s}'`).join(', ');

/** Activities `userId` facilitates that are not decided or archived yet. */
export async function openActivitiesOf(db: Queries, orgId: string, userId: string): Promise<number> {
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM activities WHERE facilitator_id = ? AND org_id = ? AND status NOT IN (${closed})`,
    [userId, orgId],
  );
  return row?.n ?? 0;
}

/**
 * What the person `userColumn` names stores, as an SQL expression: their idea photos, and
 * the files they attached to activities with what the relay made from them (thumbnail,
 * PDF preview) — each distinct content counted once, so the same bytes uploaded twice
 * cost once and removing the last copy frees them.
 */
export const storageSql = (userColumn: string) =>
  `(COALESCE((SELECT SUM(p.bytes) FROM idea_photos p WHERE p.owner_id = ${userColumn}), 0) +
    COALESCE((SELECT SUM(f.bytes + b.derived_bytes) FROM (SELECT DISTINCT sha256, bytes FROM activity_files WHERE uploader_id = ${userColumn}) f
               JOIN file_blobs b ON b.sha256 = f.sha256), 0))`;

/** Bytes `userId` stores (`storageSql`). */
export async function storageOf(db: Queries, userId: string): Promise<number> {
  const row = await db.get<{ used: number }>(`SELECT ${storageSql('?1')} AS used`, [userId]);
  return row?.used ?? 0;
}

/** Every person of an organisation (guests and erased people apart) with their figures, for the usage screen and the operator. */
export async function figuresOfOrganization(db: Queries, orgId: string) {
  return db.all<{ id: string; name: string; openActivities: number; storageBytes: number }>(
    `SELECT u.id, u.name,
            (SELECT COUNT(*) FROM activities a WHERE a.facilitator_id = u.id AND a.org_id = u.org_id AND a.status NOT IN (${closed})) AS "openActivities",
            ${storageSql('u.id')} AS "storageBytes"
       FROM users u
      WHERE u.org_id = ? AND u.guest = 0 AND u.erased_at IS NULL
      ORDER BY "openActivities" DESC, "storageBytes" DESC, u.name
      LIMIT 10000`,
    [orgId],
  );
}
