import { closedStatuses } from '#core/plans/plans';
import type { Activity, ActivityKind, ActivityRole, ActivityStatus, CreateActivityRequest, UpdateActivityRequest } from '#core/api/activities';
import { newId } from '../auth/tokens.ts';
import { refuseGuests, type Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { forbidden, notFound, Refusal } from '../errors.ts';
import { ErrorCode } from '#core/api/errors';
import { effectiveRole, may, openToOrganisation } from './access.ts';
import { initialDocumentUpdate } from './brief-seed.ts';
import { refuseOverOpenActivities } from '../organizations/limits.ts';
import { requireRight } from '../organizations/rights.ts';
import { refuseRemovedContent } from '../retention/tombstone.ts';
import { blueprintFor } from '../templates/store.ts';
import { setPublicSlug } from '../campaigns/publish.ts';

export interface ActivityRow {
  id: string;
  title: string;
  question: string;
  description: string;
  status: ActivityStatus;
  facilitator_id: string;
  deadline: string | null;
  created_at: string;
  updated_at: string;
  kind: ActivityKind;
  categories: string;
  closed_at: string | null;
  content_removed_at: string | null;
  content_removed_plan: string | null;
  public_slug: string | null;
}

export const toActivity = (row: ActivityRow, myRole: ActivityRole): Activity => ({
  id: row.id,
  title: row.title,
  question: row.question,
  description: row.description,
  status: row.status,
  facilitatorId: row.facilitator_id,
  deadline: row.deadline,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  kind: row.kind,
  categories: JSON.parse(row.categories) as string[],
  publicSlug: row.public_slug,
  myRole,
  closedAt: row.closed_at,
  contentRemoved: row.content_removed_at ? { at: row.content_removed_at, plan: row.content_removed_plan ?? '' } : null,
});

export async function createActivity(ctx: Context, caller: Caller, input: CreateActivityRequest) {
  refuseGuests(caller);
  await requireRight(ctx, caller, input.kind === 'ideas' ? 'openIdeaBoxes' : 'createActivities');
  const id = newId();
  const at = ctx.now();
  const now = at.toISOString();
  await ctx.db.transaction(async (tx) => {
    await refuseOverOpenActivities(tx, caller.orgId, caller.id);
    // Read in the transaction: a template removed meanwhile creates nothing (400).
    const blueprint = input.template === undefined ? undefined : await blueprintFor(tx, caller.orgId, input.template);
    // A template's brief is where the activity starts when no description is given.
    const description = input.description ?? blueprint?.brief ?? '';
    await tx.run(
      `INSERT INTO activities (id, org_id, title, question, description, status, facilitator_id, deadline, created_at, updated_at, kind, categories)
       VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
      [
        id,
        caller.orgId,
        input.title,
        input.question,
        description,
        caller.id,
        input.deadline ?? null,
        now,
        now,
        input.kind ?? 'board',
        JSON.stringify(input.categories ?? []),
      ],
    );
    await tx.run(
      `INSERT INTO activity_members (activity_id, subject_kind, subject_id, role, added_at) VALUES (?, 'user', ?, 'facilitator', ?)`,
      [id, caller.id, now],
    );
    // The document starts seeded (board, brief), so that no client ever bootstraps it.
    await tx.run('INSERT INTO doc_updates (activity_id, user_id, at, data) VALUES (?, ?, ?, ?)', [
      id,
      caller.id,
      now,
      initialDocumentUpdate(description, blueprint && { blueprint, by: { id: caller.id, name: caller.name }, at }),
    ]);
    if (input.publicSlug !== undefined) await setPublicSlug(tx, id, input.publicSlug);
  });
  return { id };
}

/**
 * Loads an activity the caller may see, with their role; a stranger gets 404, not 403,
 * so that activity identifiers do not leak.
 */
export async function activityFor(ctx: Context, caller: Caller, id: string): Promise<Activity> {
  const row = await ctx.db.get<ActivityRow>('SELECT * FROM activities WHERE id = ? AND org_id = ?', [id, caller.orgId]);
  const role = row ? await effectiveRole(ctx.db, id, caller.id) : null;
  if (!row || !may.read(role) || role === null) throw notFound('activity');
  return toActivity(row, role);
}

export async function requireFacilitator(ctx: Context, caller: Caller, id: string): Promise<Activity> {
  const activity = await activityFor(ctx, caller, id);
  if (!may.facilitate(activity.myRole)) throw forbidden('Only a facilitator of this activity may do this.');
  return activity;
}

export async function listActivities(ctx: Context, caller: Caller, filter: { status?: ActivityStatus; q?: string }) {
  const rows = await ctx.db.all<ActivityRow & { role: ActivityRole }>(
    `WITH mine AS (
       SELECT activity_id, role, 1 AS direct FROM activity_members WHERE subject_kind = 'user' AND subject_id = ?
       UNION ALL
       SELECT am.activity_id, am.role, 0 FROM activity_members am
         JOIN group_members gm ON gm.group_id = am.subject_id AND am.subject_kind = 'group' WHERE gm.user_id = ?
       UNION ALL
       SELECT oa.id, 'contributor', 0 FROM activities oa WHERE oa.org_id = ? AND ? = 0 AND ${openToOrganisation('oa')})
     SELECT a.*, (SELECT role FROM mine m WHERE m.activity_id = a.id  -- access.ts resolveRole: a direct role wins, else the highest
                   ORDER BY direct DESC, CASE role WHEN 'facilitator' THEN 0 WHEN 'contributor' THEN 1 ELSE 2 END LIMIT 1) AS role
       FROM activities a
      WHERE a.org_id = ? AND a.id IN (SELECT activity_id FROM mine)
        AND (CAST(? AS TEXT) IS NULL OR a.status = ?)
        AND (CAST(? AS TEXT) IS NULL OR lower(a.title) LIKE lower(?) ESCAPE '\\' OR lower(a.question) LIKE lower(?) ESCAPE '\\')
      ORDER BY a.updated_at DESC`,
    [
      caller.id,
      caller.id,
      caller.orgId,
      caller.guest ? 1 : 0,
      caller.orgId,
      filter.status ?? null,
      filter.status ?? null,
      filter.q ?? null,
      likePattern(filter.q),
      likePattern(filter.q),
    ],
  );
  return rows.map((row) => toActivity(row, row.role));
}

function likePattern(q: string | undefined) {
  return q === undefined ? null : `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const isClosed = (status: ActivityStatus) => (closedStatuses as readonly string[]).includes(status);

export async function updateActivity(ctx: Context, caller: Caller, id: string, input: UpdateActivityRequest) {
  const current = await requireFacilitator(ctx, caller, id);
  const reopening = input.status !== undefined && isClosed(current.status) && !isClosed(input.status);
  // A tombstone stays closed: its content is gone and nothing may be written into it again.
  if (reopening) await refuseRemovedContent(ctx.db, id);
  await ctx.db.transaction(async (tx) => {
    // Taken out of "decided" or "archived", an activity counts again against its facilitator's plan.
    if (reopening) await refuseOverOpenActivities(tx, caller.orgId, current.facilitatorId);
    await tx.run(
      `UPDATE activities SET title = ?, question = ?, description = ?, deadline = ?, status = ?, updated_at = ? WHERE id = ?`,
      [
        input.title ?? current.title,
        input.question ?? current.question,
        input.description ?? current.description,
        input.deadline === undefined ? current.deadline : input.deadline,
        input.status ?? current.status,
        ctx.now().toISOString(),
        id,
      ],
    );
    if (input.publicSlug !== undefined) {
      if (current.kind !== 'ideas') throw new Refusal(ErrorCode.validation, 'publicSlug: only an idea box is published at a public address.', [{ path: 'publicSlug', message: 'only an idea box is published at a public address' }]);
      await setPublicSlug(tx, id, input.publicSlug);
    }
  });
  // Archiving makes the live document read-only (server/sync/SPEC.md U5).
  if (input.status !== undefined && input.status !== current.status) await ctx.events.accessChanged(id);
  return activityFor(ctx, caller, id);
}
