import { z } from 'zod';
import { ActionSource, ActionStatus, ActionTitle, DueDay } from '../methods/action-items.ts';
import { Id } from './common.ts';

/**
 * Action items through the API (the live board is the document's: core/doc/action-items.ts).
 *
 * - `POST /api/activities/:id/actions` `NewActionRequest` → `{id}`: the relay writes the item
 *   into the live document as the caller's change (on the activity's first action items
 *   board, made if there is none). Any member who edits may; the owner must be a member.
 * - `GET /api/me/actions` → `MyActions`: the caller's open items (to do, doing) in every
 *   activity they may see now, soonest due first.
 * - `GET /api/activities/:id/actions/overdue` → `OverdueActions` (facilitators): open items
 *   past their due day.
 */
export const NewActionRequest = z.strictObject({
  title: ActionTitle,
  ownerId: Id,
  due: DueDay,
  source: ActionSource.optional(),
});
export type NewActionRequest = z.infer<typeof NewActionRequest>;

export const NewActionResponse = z.object({ id: Id });

export const MyAction = z.object({
  id: Id,
  boardId: z.string(),
  activityId: Id,
  activityTitle: z.string(),
  title: z.string(),
  due: DueDay,
  status: ActionStatus,
  source: z.string().nullable(),
});
export type MyAction = z.infer<typeof MyAction>;

/** At most `myActionsLimit` items; `more` says some were left out. */
export const MyActions = z.object({ actions: z.array(MyAction), more: z.boolean() });
export type MyActions = z.infer<typeof MyActions>;
export const myActionsLimit = 500;

export const OverdueAction = z.object({
  id: Id,
  title: z.string(),
  ownerId: Id,
  ownerName: z.string(),
  due: DueDay,
  status: ActionStatus,
});
export const OverdueActions = z.object({ actions: z.array(OverdueAction) });
export type OverdueActions = z.infer<typeof OverdueActions>;
