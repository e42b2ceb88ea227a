import { ErrorCode } from '#core/api/errors';
import { formatBytes, judgeLimit, planThatLifts, type Plan } from '#core/plans/plans';
import { Refusal } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import { openActivitiesOf, planOfOrganization, storageOf } from './plan-figures.ts';

/**
 * The plan's limits, judged inside the transaction that would pass them (so two requests
 * racing cannot both take the last place). A refusal is `plan_limit`, names the limit and
 * the plan, says what lifts it, and changes nothing.
 */
export async function refuseOverOpenActivities(tx: Queries, orgId: string, userId: string, adding = 1): Promise<void> {
  const plan = await planOfOrganization(tx, orgId);
  if (plan.openActivitiesPerPerson === null) return;
  const used = await openActivitiesOf(tx, orgId, userId);
  const over = judgeLimit(plan, 'openActivities', used, adding);
  if (!over) return;
  const lift = planThatLifts(plan.id, 'openActivities', used + adding);
  throw new Refusal(
    ErrorCode.planLimit,
    `The ${plan.name} plan allows ${over.limit} open activities per person, and you have ${used}: decide or archive one first` +
      (lift ? `, or move to the ${lift.name} plan.` : '.'),
    undefined,
    undefined,
    { limit: 'openActivities', planName: plan.name, max: over.limit, used, lift: lift?.name ?? null },
  );
}

export async function refuseOverStorage(tx: Queries, orgId: string, userId: string, bytes: number): Promise<void> {
  const plan = await planOfOrganization(tx, orgId);
  if (plan.storageBytesPerPerson === null) return;
  const used = await storageOf(tx, userId);
  const over = judgeLimit(plan, 'storage', used, bytes);
  if (over) throw storageRefusal(plan, used, bytes, over.limit);
}

/**
 * The bytes `userId` may still store under their plan, and the refusal for an upload
 * that needs `bytes` more; null when the plan stores without limit. Read before an upload
 * is streamed, so that it is read only as far as it could be kept (server/files/upload.ts).
 */
export async function storageRoom(db: Queries, orgId: string, userId: string): Promise<{ left: number; refusal: (bytes: number) => Refusal } | null> {
  const plan = await planOfOrganization(db, orgId);
  const cap = plan.storageBytesPerPerson;
  if (cap === null) return null;
  const used = await storageOf(db, userId);
  return { left: Math.max(0, cap - used), refusal: (bytes) => storageRefusal(plan, used, bytes, cap) };
}

function storageRefusal(plan: Plan, used: number, bytes: number, limit: number): Refusal {
  const lift = planThatLifts(plan.id, 'storage', used + bytes);
  return new Refusal(
    ErrorCode.planLimit,
    `The ${plan.name} plan allows ${formatBytes(limit)} of storage per person; you use ${formatBytes(used)} and this file needs ${formatBytes(bytes)}` +
      (lift ? `: remove some, or move to the ${lift.name} plan.` : ': remove some first.'),
    undefined,
    undefined,
    { limit: 'storage', planName: plan.name, max: limit, used, lift: lift?.name ?? null },
  );
}
