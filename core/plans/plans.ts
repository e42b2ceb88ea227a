/**
 * The plans an organisation may be on: one table, read by the relay (which enforces
 * them), the operator CLI and the client (meters, "what lifts this"). A limit of `null`
 * means none. Adding a plan is one entry here and one in `planIds`.
 */
export const planIds = ['basic', 'pro', 'unlimited'] as const;
export type PlanId = (typeof planIds)[number];

export interface Plan {
  id: PlanId;
  /** As shown to people and in refusals. */
  name: string;
  /** Activities one person facilitates that are not yet decided or archived. */
  openActivitiesPerPerson: number | null;
  /** Bytes one person may store (idea photos, files). */
  storageBytesPerPerson: number | null;
  /** Days a closed (decided or archived) activity's content is kept. */
  retentionDays: number | null;
  /** Rights granted per group (create activities, invite guests, mass SMS…). */
  perGroupSecurity: boolean;
}

const MB = 1024 * 1024;

export const plans: Readonly<Record<PlanId, Plan>> = {
  basic: { id: 'basic', name: 'Basic', openActivitiesPerPerson: 5, storageBytesPerPerson: 250 * MB, retentionDays: 365, perGroupSecurity: false },
  pro: { id: 'pro', name: 'Professional', openActivitiesPerPerson: 100, storageBytesPerPerson: 5 * 1024 * MB, retentionDays: 730, perGroupSecurity: true },
  unlimited: { id: 'unlimited', name: 'Unlimited', openActivitiesPerPerson: null, storageBytesPerPerson: null, retentionDays: null, perGroupSecurity: true },
};

export const isPlanId = (value: unknown): value is PlanId => typeof value === 'string' && (planIds as readonly string[]).includes(value);

/** The plan of a stored name; a name the relay no longer knows reads as the most restrictive. */
export const planOf = (id: string): Plan => (isPlanId(id) ? plans[id] : plans.basic);

/** Activity statuses that no longer count as open (an activity counts until decided or archived). */
export const closedStatuses = ['decided', 'archived'] as const;

export type PlanLimit = 'openActivities' | 'storage';

/** The next plan up that lifts `limit` above `used + adding`, or null (none does). */
export function planThatLifts(current: PlanId, limit: PlanLimit, needed: number): Plan | null {
  for (const id of planIds.slice(planIds.indexOf(current) + 1)) {
    const cap = limit === 'openActivities' ? plans[id].openActivitiesPerPerson : plans[id].storageBytesPerPerson;
    if (cap === null || cap >= needed) return plans[id];
  }
  return null;
}

/** Why one more (of `adding`) would pass the plan's limit, or null when it fits. `used + adding` may reach the limit, not pass it. */
export function judgeLimit(plan: Plan, limit: PlanLimit, used: number, adding: number): { limit: number; used: number } | null {
  const cap = limit === 'openActivities' ? plan.openActivitiesPerPerson : plan.storageBytesPerPerson;
  if (cap === null || used + adding <= cap) return null;
  return { limit: cap, used };
}

/** Bytes as people read them: "250 MB", "5 GB", "1.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${round(bytes / (1024 * MB))} GB`;
  if (bytes >= MB) return `${round(bytes / MB)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} kB`;
  return `${bytes} B`;
}

const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
