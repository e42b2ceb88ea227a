import type { CallerName } from './world.ts';

/**
 * What each caller must get from an endpoint: a status, or `allowed` for the callers
 * who may do it. Reads are called by everyone and `allowed` means 200. Writes are
 * called only by those who must be refused (the allowed ones did it while the world was
 * built); their refusal must change nothing in the store.
 */
export const allowed = 'allowed' as const;
export type Expected = number | typeof allowed;
export type Rule = Record<CallerName, Expected>;

const outsideActivity = { anon: 401, erp: 401, admin: 404, stranger: 404, controller: 404, outsider: 404 } as const;

/**
 * Anyone signed in (an ERP key is not a session). The outsider, an administrator of
 * another organisation, passes every organisation-wide check in their own organisation:
 * reads and writes addressing this organisation's things by id are 404 to them.
 */
export const signedIn: Rule = {
  anon: 401,
  erp: 401,
  admin: allowed,
  facilitator: allowed,
  contributor: allowed,
  viewer: allowed,
  stranger: allowed,
  controller: allowed,
  outsider: allowed,
};

export const adminOnly: Rule = { ...signedIn, facilitator: 403, contributor: 403, viewer: 403, stranger: 403, controller: 403 };

/** Administrators, and people given the controller capability. */
export const controllers: Rule = { ...adminOnly, controller: allowed };

/** A member of the activity reads; anyone else is told it does not exist (404, not 403). */
export const memberReads: Rule = { ...outsideActivity, facilitator: allowed, contributor: allowed, viewer: allowed };

/** Contributors and facilitators act; viewers see but may not (403). */
export const memberEdits: Rule = { ...memberReads, viewer: 403 };

export const facilitatorOnly: Rule = { ...memberEdits, contributor: 403 };

/** Things of one person (their consent, their SMS): that person and administrators. */
export const selfOrAdmin = (self: CallerName): Rule => ({
  ...signedIn,
  facilitator: 404,
  contributor: 404,
  viewer: 404,
  stranger: 404,
  controller: 404,
  outsider: 404,
  [self]: allowed,
});

/** Notices are one person's own: everyone else, administrators included, gets 404. */
export const ownerOnly = (owner: CallerName): Rule => ({ ...selfOrAdmin(owner), admin: 404 });

/** The same answer for every caller. */
export function everyone(status: number): Rule {
  return {
    anon: status,
    erp: status,
    admin: status,
    facilitator: status,
    contributor: status,
    viewer: status,
    stranger: status,
    controller: status,
    outsider: status,
  };
}

export function rule(base: Rule, overrides: Partial<Rule>): Rule {
  return { ...base, ...overrides };
}
