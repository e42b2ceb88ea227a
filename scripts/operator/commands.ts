import { formatBytes, isPlanId, planIds, planOf, type PlanId } from '#core/plans/plans';
import { figuresOfOrganization, storageSql } from '../../server/organizations/plan-figures.ts';
import type { Queries } from '../../server/store/db.ts';

/**
 * What the operator of a relay does to its organisations (README "Operator CLI"), on the
 * relay's own SQLite file: the relay reads plans and suspensions from the store on each
 * request, so a change here holds from the relay's next request on.
 */
export interface OrganizationLine {
  id: string;
  name: string;
  plan: PlanId;
  suspended: boolean;
  people: number;
  openActivities: number;
  storageBytes: number;
  createdAt: string;
}

/** A refusal of the command, said to the operator (exit code 1, nothing changed). */
export class OperatorError extends Error {}

interface OrgRow {
  id: string;
  name: string;
  plan: string;
  suspended_at: string | null;
  created_at: string;
}

export async function listOrganizations(db: Queries): Promise<OrganizationLine[]> {
  const rows = await db.all<OrgRow & { people: number; open_activities: number; storage: number }>(
    `SELECT o.id, o.name, o.plan, o.suspended_at, o.created_at,
            (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id AND u.guest = 0 AND u.erased_at IS NULL) AS people,
            (SELECT COUNT(*) FROM activities a WHERE a.org_id = o.id AND a.status NOT IN ('decided', 'archived')) AS open_activities,
            COALESCE((SELECT SUM(${storageSql('u.id')}) FROM users u WHERE u.org_id = o.id), 0) AS storage
       FROM organizations o ORDER BY o.created_at, o.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    plan: planOf(r.plan).id,
    suspended: r.suspended_at !== null,
    people: r.people,
    openActivities: r.open_activities,
    storageBytes: r.storage,
    createdAt: r.created_at,
  }));
}

/** An organisation by its id, or by its name when exactly one has it (case aside). */
export async function findOrganization(db: Queries, ref: string): Promise<OrgRow> {
  const byId = await db.get<OrgRow>('SELECT id, name, plan, suspended_at, created_at FROM organizations WHERE id = ?', [ref]);
  if (byId) return byId;
  const byName = await db.all<OrgRow>('SELECT id, name, plan, suspended_at, created_at FROM organizations WHERE lower(name) = lower(?) LIMIT 2', [ref]);
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) throw new OperatorError(`Several organisations are called "${ref}": name one by its id (see "list").`);
  throw new OperatorError(`No organisation "${ref}": see "list" for their ids and names.`);
}

export async function usageOf(db: Queries, ref: string) {
  const org = await findOrganization(db, ref);
  const plan = planOf(org.plan);
  return { id: org.id, name: org.name, plan: plan.id, planName: plan.name, suspended: org.suspended_at !== null, limits: plan, people: await figuresOfOrganization(db, org.id) };
}

export async function setPlan(db: Queries, ref: string, plan: string) {
  if (!isPlanId(plan)) throw new OperatorError(`"${plan}" is not a plan: choose one of ${planIds.join(', ')}.`);
  const org = await findOrganization(db, ref);
  await db.run('UPDATE organizations SET plan = ? WHERE id = ?', [plan, org.id]);
  return { id: org.id, name: org.name, from: planOf(org.plan).id, to: plan };
}

export async function setSuspended(db: Queries, ref: string, suspended: boolean, now: Date) {
  const org = await findOrganization(db, ref);
  await db.run('UPDATE organizations SET suspended_at = ? WHERE id = ?', [suspended ? (org.suspended_at ?? now.toISOString()) : null, org.id]);
  return { id: org.id, name: org.name, suspended };
}

/** Lines of a table, columns padded to their widest cell. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [head, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

export const limitText = (used: number, limit: number | null, bytes = false) => {
  const show = bytes ? formatBytes : String;
  return limit === null ? show(used) : `${show(used)} / ${show(limit)}`;
};
