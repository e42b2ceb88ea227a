import type { RetentionSettings, UpdateRetentionRequest } from '#core/api/organizations';
import type { Context } from '../context.ts';
import { planOfOrganization } from '../organizations/plan-figures.ts';

/** What the organisation's plan keeps of closed activities, and whether decisions stay (read from the store each time). */
export async function retentionSettings(ctx: Context, orgId: string): Promise<RetentionSettings> {
  const plan = await planOfOrganization(ctx.db, orgId);
  const row = await ctx.db.get<{ keep: number }>('SELECT keep_decisions AS keep FROM organizations WHERE id = ?', [orgId]);
  return { plan: plan.name, retentionDays: plan.retentionDays, keepDecisions: row?.keep !== 0 };
}

/** An administrator chooses whether a decision record stays when retention removes its activity's content. */
export async function setRetention(ctx: Context, orgId: string, input: UpdateRetentionRequest): Promise<RetentionSettings> {
  await ctx.db.run('UPDATE organizations SET keep_decisions = ? WHERE id = ?', [input.keepDecisions ? 1 : 0, orgId]);
  return retentionSettings(ctx, orgId);
}
