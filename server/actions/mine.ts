import { myActionsLimit, type MyActions, type OverdueActions } from '#core/api/action-items';
import type { ActionStatus } from '#core/methods/action-items';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor, listActivities, requireFacilitator } from '../activities/activities.ts';
import type { Context } from '../context.ts';
import { dialect } from '../store/dialect.ts';

interface Row {
  item_id: string;
  board_id: string;
  activity_id: string;
  title: string;
  due: string;
  status: ActionStatus;
  source: string | null;
}

/**
 * The caller's open action items (to do, doing) in the activities they may see now —
 * the same list and access rule as the activity list, so a removed member or a stranger
 * sees nothing of an activity — soonest due first, at most `myActionsLimit`. Read from the
 * relay's index (migration 780), never from the documents.
 */
export async function myActions(ctx: Context, caller: Caller): Promise<MyActions> {
  const activities = (await listActivities(ctx, caller, {})).filter((a) => !a.contentRemoved);
  const titles = new Map(activities.map((a) => [a.id, a.title]));
  if (titles.size === 0) return { actions: [], more: false };
  const rows = await ctx.db.all<Row>(
    `SELECT item_id, board_id, activity_id, title, due, status, source FROM action_items
      WHERE owner_id = ? AND status IN ('todo', 'doing') AND activity_id IN (${dialect.jsonValues(ctx.db.engine)})
      ORDER BY due, activity_id, item_id LIMIT ?`,
    [caller.id, JSON.stringify([...titles.keys()]), myActionsLimit + 1],
  );
  return {
    actions: rows.slice(0, myActionsLimit).map((r) => ({
      id: r.item_id,
      boardId: r.board_id,
      activityId: r.activity_id,
      activityTitle: titles.get(r.activity_id) ?? '',
      title: r.title,
      due: r.due,
      status: r.status,
      source: r.source,
    })),
    more: rows.length > myActionsLimit,
  };
}

/** Open items of the activity past their due day (`today`, YYYY-MM-DD), for its facilitators; at most 200. */
export async function overdueActions(ctx: Context, caller: Caller, activityId: string, today: string): Promise<OverdueActions> {
  await activityFor(ctx, caller, activityId);
  await requireFacilitator(ctx, caller, activityId);
  const rows = await ctx.db.all<{ item_id: string; title: string; owner_id: string; owner_name: string | null; due: string; status: ActionStatus }>(
    `SELECT i.item_id, i.title, i.owner_id, u.name AS owner_name, i.due, i.status FROM action_items i LEFT JOIN users u ON u.id = i.owner_id
      WHERE i.activity_id = ? AND i.status IN ('todo', 'doing') AND i.due < ? ORDER BY i.due, i.item_id LIMIT 200`,
    [activityId, today],
  );
  return { actions: rows.map((r) => ({ id: r.item_id, title: r.title, ownerId: r.owner_id, ownerName: r.owner_name ?? '', due: r.due, status: r.status })) };
}
