import type { z } from 'zod';
import type { PlanId } from '../plans/plans.ts';
import { SetupRequest } from './auth.ts';

/** `POST /api/organizations`: the same fields as the first-run setup (DESIGN contract). */
export const SignupRequest = SetupRequest;
export type SignupRequest = z.infer<typeof SignupRequest>;

/** `GET /api/signup`: whether organisations may sign up on this relay. */
export interface SignupStatus {
  open: boolean;
}

/** One person's figures against the plan. */
export interface PersonUsage {
  id: string;
  name: string;
  openActivities: number;
  storageBytes: number;
}

/** `GET /api/organization/usage`: the plan, its limits, the caller's figures and, for administrators, everyone's. */
export interface OrganizationUsage {
  plan: PlanId;
  planName: string;
  limits: {
    openActivitiesPerPerson: number | null;
    storageBytesPerPerson: number | null;
    retentionDays: number | null;
    perGroupSecurity: boolean;
  };
  me: PersonUsage;
  /** The plan that would lift the caller's nearest limit, when there is one. */
  lifts: { openActivities: string | null; storage: string | null };
  /** Administrators only: every person of the organisation (not guests), most open activities first. */
  people: PersonUsage[] | null;
  /** Administrators only. */
  totals: { people: number; openActivities: number; storageBytes: number } | null;
  /** Whether the caller's own address is confirmed (a signed-up organisation's first administrator). */
  emailConfirmed: boolean;
}
