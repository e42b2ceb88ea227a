import { ErrorCode } from '#core/api/errors';
import type { OrganizationRights, UpdateRightRequest } from '#core/api/organizations';
import { effectivePolicy, everyoneSetHere, holds, rightIds, type RightHolder, type RightId, type RightPolicy } from '#core/people/rights';
import type { OrgRole } from '#core/api/users';
import type { BaseContext } from '../context.ts';
import { Refusal, badRequest } from '../errors.ts';
import { settingsOf } from '../sms/settings.ts';
import type { Queries } from '../store/db.ts';
import { planOfOrganization } from './plan-figures.ts';

/** What each right lets one do, in the words of a refusal. */
const doing: Record<RightId, string> = {
  createActivities: 'create activities',
  openIdeaBoxes: 'open idea boxes',
  inviteGuests: 'invite guests from outside the organisation',
  textMany: 'text many people at once',
  controlFigures: 'control daily figures',
};

/** The policy of every right in an organisation, as its plan and its administrators set it (read each time: a plan change holds at once). */
export async function policiesOf(ctx: BaseContext, db: Queries, orgId: string): Promise<Record<RightId, RightPolicy>> {
  const plan = await planOfOrganization(db, orgId);
  const stored = new Map<string, { everyone: boolean; groups: string[] }>();
  for (const row of await db.all<{ right_id: string; everyone: number }>('SELECT right_id, everyone FROM organization_rights WHERE org_id = ?', [orgId])) {
    stored.set(row.right_id, { everyone: row.everyone === 1, groups: [] });
  }
  for (const row of await db.all<{ right_id: string; group_id: string }>(
    'SELECT right_id, group_id FROM organization_right_groups WHERE org_id = ? ORDER BY group_id',
    [orgId],
  )) {
    stored.get(row.right_id)?.groups.push(row.group_id);
  }
  const massSms = (await settingsOf(db, ctx.config.sms, orgId)).massSms === 'facilitators';
  const out = {} as Record<RightId, RightPolicy>;
  for (const right of rightIds) out[right] = effectivePolicy(right, stored.get(right), plan.perGroupSecurity, right === 'textMany' && massSms);
  return out;
}

async function holderOf(db: Queries, person: { id: string; orgId: string; role: OrgRole; guest?: boolean }): Promise<RightHolder> {
  const groups = await db.all<{ group_id: string }>('SELECT group_id FROM group_members WHERE user_id = ?', [person.id]);
  return { role: person.role, guest: person.guest === true, groups: groups.map((g) => g.group_id) };
}

/** The rights a person holds (for `GET /api/me`, so the app offers only what the relay allows). */
export async function rightsOf(ctx: BaseContext, person: { id: string; orgId: string; role: OrgRole; guest?: boolean }): Promise<RightId[]> {
  const holder = await holderOf(ctx.db, person);
  const policies = await policiesOf(ctx, ctx.db, person.orgId);
  const held = rightIds.filter((right) => holds(holder, policies[right]));
  if (!held.includes('controlFigures') && !holder.guest) {
    const named = await ctx.db.get('SELECT 1 AS one FROM figure_controllers WHERE org_id = ? AND user_id = ?', [person.orgId, person.id]);
    if (named) held.push('controlFigures');
  }
  return held;
}

/** Whether a person holds one right (named figure controllers are checked by the figures feature). */
export async function holdsRight(
  ctx: BaseContext,
  person: { id: string; orgId: string; role: OrgRole; guest?: boolean },
  right: RightId,
  /** A transaction's queries, when asked inside one. */
  db: Queries = ctx.db,
): Promise<boolean> {
  const holder = await holderOf(db, person);
  if (holder.guest) return false;
  if (holder.role === 'admin') return true;
  return holds(holder, (await policiesOf(ctx, db, person.orgId))[right]);
}

/** 403 `right_missing` naming what the organisation keeps to some: nothing is changed. */
export async function requireRight(ctx: BaseContext, person: { id: string; orgId: string; role: OrgRole; guest?: boolean }, right: RightId): Promise<void> {
  if (await holdsRight(ctx, person, right)) return;
  throw new Refusal(ErrorCode.rightMissing, `Your organisation lets only some of its groups ${doing[right]}: ask an administrator.`);
}

/** `GET /api/organization/rights`: every right, who holds it, and whether the plan lets it be changed (administrators). */
export async function rightsSettings(ctx: BaseContext, orgId: string): Promise<OrganizationRights> {
  const plan = await planOfOrganization(ctx.db, orgId);
  const policies = await policiesOf(ctx, ctx.db, orgId);
  const names = new Map(
    (await ctx.db.all<{ id: string; name: string }>('SELECT id, name FROM groups WHERE org_id = ?', [orgId])).map((g) => [g.id, g.name]),
  );
  return {
    perGroupSecurity: plan.perGroupSecurity,
    planName: plan.name,
    rights: rightIds.map((right) => ({
      right,
      everyone: policies[right].everyone,
      everyoneSetHere: everyoneSetHere[right],
      groups: policies[right].groups
        .filter((id) => names.has(id))
        .map((id) => ({ id, name: names.get(id) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    })),
  };
}

/**
 * `PUT /api/organization/rights/:right`: who holds a right besides administrators. Refused
 * (nothing written) where the plan has no rights per group, for a group of another
 * organisation, or for `everyone` on a right whose "everyone" is set elsewhere.
 */
export async function setRight(ctx: BaseContext, admin: { id: string; orgId: string }, right: RightId, input: UpdateRightRequest): Promise<OrganizationRights> {
  const plan = await planOfOrganization(ctx.db, admin.orgId);
  if (!plan.perGroupSecurity) {
    throw new Refusal(ErrorCode.planLimit, `The ${plan.name} plan has no rights per group: every member may create activities, open idea boxes and invite guests.`);
  }
  if (input.everyone !== undefined && !everyoneSetHere[right]) {
    throw badRequest(right === 'textMany' ? 'who may text many people is set in the SMS settings' : 'controlling daily figures cannot be everyone’s');
  }
  const groups = [...new Set(input.groups)];
  await ctx.db.transaction(async (tx) => {
    if (groups.length > 0) {
      const found = await tx.all<{ id: string }>(`SELECT id FROM groups WHERE org_id = ? AND id IN (${groups.map(() => '?').join(',')})`, [
        admin.orgId,
        ...groups,
      ]);
      if (found.length !== groups.length) throw badRequest('No such group.');
    }
    const before = await tx.get<{ everyone: number }>('SELECT everyone FROM organization_rights WHERE org_id = ? AND right_id = ?', [admin.orgId, right]);
    const everyone = input.everyone ?? (before ? before.everyone === 1 : effectivePolicy(right, undefined, true).everyone);
    await tx.run(
      `INSERT INTO organization_rights (org_id, right_id, everyone, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (org_id, right_id) DO UPDATE SET everyone = excluded.everyone, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [admin.orgId, right, everyone ? 1 : 0, ctx.now().toISOString(), admin.id],
    );
    await tx.run('DELETE FROM organization_right_groups WHERE org_id = ? AND right_id = ?', [admin.orgId, right]);
    for (const id of groups) {
      await tx.run('INSERT INTO organization_right_groups (org_id, right_id, group_id) VALUES (?, ?, ?)', [admin.orgId, right, id]);
    }
  });
  return rightsSettings(ctx, admin.orgId);
}
