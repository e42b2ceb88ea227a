import { maxSavedTemplates, type ActivityTemplates, type SaveTemplateRequest } from '#core/api/templates';
import { Blueprint, blueprintDraft, builtInTemplateIds, builtInTemplates, maxBlueprintBytes } from '#core/doc/templates';
import { ErrorCode } from '#core/api/errors';
import { refuseGuests, type Caller } from '../accounts/sessions.ts';
import { requireFacilitator } from '../activities/activities.ts';
import { readStoredDocument } from '../activities/stored-document.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, conflict, forbidden, notFound, Refusal } from '../errors.ts';
import { requireRight } from '../organizations/rights.ts';
import { refuseRemovedContent } from '../retention/tombstone.ts';
import type { SharedBucket, SharedRates } from '../auth/shared-rates.ts';
import { templateRows } from './store.ts';

/** Templates one person saves: 10 a minute, 10 at once (each reads an activity's stored document). */
const perMinute = 10;

/** Each person's budget of templates saved, over every relay node (CLUSTER.md N15). */
export class SaveRate {
  private readonly rate: SharedBucket;

  constructor(rates: SharedRates) {
    this.rate = rates.bucket('templates.saves', perMinute);
  }

  async take(userId: string, now: number) {
    if (!(await this.rate.take(userId, now))) throw new Refusal(ErrorCode.rateLimited, `Too many templates saved: at most ${perMinute} a minute per person.`, undefined, { 'retry-after': '6' });
  }
}

/** `GET /api/activity-templates`: the catalogue's and the organisation's (members of the organisation; not guests). */
export async function listTemplates(ctx: Context, caller: Caller): Promise<ActivityTemplates> {
  refuseGuests(caller);
  const rows = await templateRows(ctx.db, caller.orgId);
  return {
    builtIn: builtInTemplateIds.map((id) => ({ id, blueprint: builtInTemplates[id] })),
    saved: rows.flatMap((row) => {
      const blueprint = Blueprint.safeParse(JSON.parse(row.blueprint)).data;
      if (!blueprint) return [];
      const mayRemove = row.created_by === caller.id || caller.role === 'admin';
      return [{ id: row.id, name: row.name, blueprint, createdBy: row.created_by, createdByName: row.created_by_name ?? '', createdAt: row.created_at, mayRemove }];
    }),
  };
}

/**
 * `POST /api/activity-templates`: the activity's boards (kinds, in the order shown, and what
 * they start from: core/doc/templates.ts) and its brief, saved under a name for the whole organisation. Only a facilitator of a
 * board activity who may create activities; refused, changing nothing: a name taken (409),
 * past `maxSavedTemplates` (409), an idea box or removed content (400/409).
 */
export async function saveTemplate(ctx: Context, rate: SaveRate, caller: Caller, input: SaveTemplateRequest): Promise<{ id: string }> {
  refuseGuests(caller);
  const activity = await requireFacilitator(ctx, caller, input.activityId);
  await requireRight(ctx, caller, 'createActivities');
  if (activity.kind !== 'board') throw badRequest('Only a board activity can be saved as a template.');
  await refuseRemovedContent(ctx.db, activity.id);
  await rate.take(caller.id, ctx.now().getTime());
  const parsed = Blueprint.safeParse(await readStoredDocument(ctx, activity.id, (doc) => blueprintDraft(doc)));
  if (!parsed.success) throw badRequest(`This activity holds more than a template keeps (at most ${maxBlueprintBytes / 1024} KiB of boards and brief): save a smaller one.`);
  const blueprint = parsed.data;
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const count = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM activity_templates WHERE org_id = ?', [caller.orgId]);
    if ((count?.n ?? 0) >= maxSavedTemplates) throw conflict(`Your organisation keeps at most ${maxSavedTemplates} templates: remove one first.`);
    const taken = await tx.get('SELECT 1 AS one FROM activity_templates WHERE org_id = ? AND name = ?', [caller.orgId, input.name]);
    if (taken) throw conflict('A template of your organisation already has this name.');
    await tx.run(
      'INSERT INTO activity_templates (id, org_id, name, blueprint, created_by, created_at, source_activity_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, caller.orgId, input.name, JSON.stringify(blueprint), caller.id, ctx.now().toISOString(), activity.id],
    );
  });
  return { id };
}

/** `DELETE /api/activity-templates/:id`: whoever saved it, or an administrator; another organisation's is not found. */
export async function removeTemplate(ctx: Context, caller: Caller, id: string): Promise<void> {
  refuseGuests(caller);
  const row = await ctx.db.get<{ created_by: string }>('SELECT created_by FROM activity_templates WHERE id = ? AND org_id = ?', [id, caller.orgId]);
  if (!row) throw notFound('template');
  if (row.created_by !== caller.id && caller.role !== 'admin') throw forbidden('Only whoever saved this template, or an administrator, may remove it.');
  await ctx.db.run('DELETE FROM activity_templates WHERE id = ? AND org_id = ?', [id, caller.orgId]);
}
