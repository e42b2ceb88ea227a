import { z } from 'zod';
import { rightIds } from '../people/rights.ts';
import { planIds } from '../plans/plans.ts';
import { Id } from './common.ts';
import { SetupRequest } from './auth.ts';

/** `POST /api/organizations`: the same fields as the first-run setup (DESIGN contract). */
export const SignupRequest = SetupRequest;
export type SignupRequest = z.infer<typeof SignupRequest>;

/** `GET /api/signup`: whether organisations may sign up on this relay. */
export const SignupStatus = z.object({ open: z.boolean() });
export type SignupStatus = z.infer<typeof SignupStatus>;

/** `POST /api/signup-confirmations/:token`. */
export const SignupConfirmed = z.object({ confirmed: z.literal(true) });

/** One person's figures against the plan. */
export const PersonUsage = z.object({ id: z.string(), name: z.string(), openActivities: z.number(), storageBytes: z.number() });
export type PersonUsage = z.infer<typeof PersonUsage>;

/** `GET /api/organization/usage`: the plan, its limits, the caller's figures and, for administrators, everyone's. */
export const OrganizationUsage = z.object({
  plan: z.enum(planIds),
  planName: z.string(),
  limits: z.object({
    openActivitiesPerPerson: z.number().nullable(),
    storageBytesPerPerson: z.number().nullable(),
    retentionDays: z.number().nullable(),
    perGroupSecurity: z.boolean(),
  }),
  me: PersonUsage,
  /** The plan that would lift the caller's limits, when there is one. */
  lifts: z.object({ openActivities: z.string().nullable(), storage: z.string().nullable() }),
  /** Administrators only: every person of the organisation (not guests), most open activities first. */
  people: z.array(PersonUsage).nullable(),
  /** Administrators only. */
  totals: z.object({ people: z.number(), openActivities: z.number(), storageBytes: z.number() }).nullable(),
  /** Whether the caller's own address is confirmed (a signed-up organisation's first administrator). */
  emailConfirmed: z.boolean(),
});
export type OrganizationUsage = z.infer<typeof OrganizationUsage>;

/** One right as the administrators' screen shows it (core/people/rights.ts). */
export const RightSetting = z.object({
  right: z.enum(rightIds),
  /** Every member holds it (for texting many people: the SMS settings say so). */
  everyone: z.boolean(),
  /** Whether `everyone` is set on this screen (else it is read from elsewhere, see core/people/rights.ts). */
  everyoneSetHere: z.boolean(),
  /** Groups whose members hold it; empty where the plan does not allow rights per group. */
  groups: z.array(z.object({ id: Id, name: z.string() })),
});
export type RightSetting = z.infer<typeof RightSetting>;

/** `GET /api/organization/rights` (administrators). */
export const OrganizationRights = z.object({
  /** Whether the plan allows rights per group; when not, every right follows its default and nothing may be changed. */
  perGroupSecurity: z.boolean(),
  planName: z.string(),
  rights: z.array(RightSetting),
});
export type OrganizationRights = z.infer<typeof OrganizationRights>;

/** `PUT /api/organization/rights/:right`: who holds it besides administrators. */
export const UpdateRightRequest = z.strictObject({
  everyone: z.boolean().optional(),
  groups: z.array(Id).max(200),
});
export type UpdateRightRequest = z.infer<typeof UpdateRightRequest>;

/**
 * Retention (README "Retention"): `GET /api/organization/retention` → `RetentionSettings`;
 * `PUT /api/organization/retention` `UpdateRetentionRequest` (administrators) →
 * `RetentionSettings`. `retentionDays` is the plan's (null: kept for ever);
 * `keepDecisions` whether a decision record stays when a closed activity's content goes.
 */
export const RetentionSettings = z.object({ plan: z.string(), retentionDays: z.number().nullable(), keepDecisions: z.boolean() });
export type RetentionSettings = z.infer<typeof RetentionSettings>;
export const UpdateRetentionRequest = z.strictObject({ keepDecisions: z.boolean() });
export type UpdateRetentionRequest = z.infer<typeof UpdateRetentionRequest>;
