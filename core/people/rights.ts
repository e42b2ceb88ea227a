/**
 * Rights an administrator may keep to some groups (the per-group security of plans that
 * allow it, core/plans/plans.ts). Administrators always hold every right; guests hold none.
 * Where the plan does not allow rights per group, or an administrator set nothing, each
 * right follows its default: the first three are everyone's (as before rights existed);
 * texting many people follows the organisation's SMS settings (`massSms`) and controlling
 * daily figures the people named controllers, to which granted groups are added.
 */
export const rightIds = ['createActivities', 'openIdeaBoxes', 'inviteGuests', 'textMany', 'controlFigures'] as const;
export type RightId = (typeof rightIds)[number];

export const isRightId = (value: unknown): value is RightId => typeof value === 'string' && (rightIds as readonly string[]).includes(value);

/** Who holds a right besides administrators: every member, or the members of these groups. */
export interface RightPolicy {
  everyone: boolean;
  groups: readonly string[];
}

/**
 * Rights whose "everyone" an administrator sets here. Texting many people reads it from the
 * SMS settings (one place for one setting); controlling figures is never everyone's.
 */
export const everyoneSetHere: Readonly<Record<RightId, boolean>> = {
  createActivities: true,
  openIdeaBoxes: true,
  inviteGuests: true,
  textMany: false,
  controlFigures: false,
};

const everyone: RightPolicy = { everyone: true, groups: [] };
const nobody: RightPolicy = { everyone: false, groups: [] };

export const defaultPolicies: Readonly<Record<RightId, RightPolicy>> = {
  createActivities: everyone,
  openIdeaBoxes: everyone,
  inviteGuests: everyone,
  textMany: nobody,
  controlFigures: nobody,
};

/**
 * The policy that applies: what the administrator stored when the plan allows rights per
 * group, else the default; `everyone` of rights not set here comes from elsewhere (`outside`).
 */
export function effectivePolicy(right: RightId, stored: RightPolicy | undefined, perGroupSecurity: boolean, outside = false): RightPolicy {
  const base = perGroupSecurity && stored ? stored : defaultPolicies[right];
  return everyoneSetHere[right] ? base : { everyone: outside, groups: base.groups };
}

export interface RightHolder {
  role: 'admin' | 'member';
  guest: boolean;
  /** Ids of the groups the person belongs to. */
  groups: readonly string[];
}

/** Whether a person holds a right under a policy (administrators always; guests never). */
export function holds(person: RightHolder, policy: RightPolicy): boolean {
  if (person.guest) return false;
  if (person.role === 'admin') return true;
  return policy.everyone || person.groups.some((g) => policy.groups.includes(g));
}
