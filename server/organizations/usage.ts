import type { OrganizationUsage, PersonUsage } from '#core/api/organizations';
import { planThatLifts } from '#core/plans/plans';
import { refuseGuests, type Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { figuresOfOrganization, openActivitiesOf, planOfOrganization, storageOf } from './plan-figures.ts';

/**
 * `GET /api/organization/usage`: the plan and its limits, the caller's own figures and
 * what would lift them; administrators also get every person's figures and the totals.
 * Guests belong to no organisation here: 403.
 */
export async function usageFor(ctx: Context, caller: Caller): Promise<OrganizationUsage> {
  refuseGuests(caller);
  const plan = await planOfOrganization(ctx.db, caller.orgId);
  const me: PersonUsage = {
    id: caller.id,
    name: caller.name,
    openActivities: await openActivitiesOf(ctx.db, caller.orgId, caller.id),
    storageBytes: await storageOf(ctx.db, caller.id),
  };
  const admin = caller.role === 'admin';
  const people = admin ? await figuresOfOrganization(ctx.db, caller.orgId) : null;
  return {
    plan: plan.id,
    planName: plan.name,
    limits: {
      openActivitiesPerPerson: plan.openActivitiesPerPerson,
      storageBytesPerPerson: plan.storageBytesPerPerson,
      retentionDays: plan.retentionDays,
      perGroupSecurity: plan.perGroupSecurity,
    },
    me,
    lifts: {
      openActivities: plan.openActivitiesPerPerson === null ? null : (planThatLifts(plan.id, 'openActivities', me.openActivities + 1)?.name ?? null),
      storage: plan.storageBytesPerPerson === null ? null : (planThatLifts(plan.id, 'storage', plan.storageBytesPerPerson + 1)?.name ?? null),
    },
    people,
    totals: people
      ? {
          people: people.length,
          openActivities: people.reduce((n, p) => n + p.openActivities, 0),
          storageBytes: people.reduce((n, p) => n + p.storageBytes, 0),
        }
      : null,
    emailConfirmed: !caller.emailUnconfirmed,
  };
}
