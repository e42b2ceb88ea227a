import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { isDay } from '../figures/days.ts';
import { lineText } from '../text/clean.ts';
import { byOrder, OrderKey } from './order.ts';

/** Where an action item stands; `todo` and `doing` are open (listed in "My actions", reminded). */
export const ActionStatus = z.enum(['todo', 'doing', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const actionStatuses = ActionStatus.options;
export const openStatuses: readonly ActionStatus[] = ['todo', 'doing'];
export const isOpen = (status: ActionStatus) => openStatuses.includes(status);

export const ActionTitle = lineText().min(1, 'an action item needs a title').max(300, 'an action item title has at most 300 characters');
/** A due date is a calendar day, YYYY-MM-DD, read in the owner's time zone (reminders). */
export const DueDay = z.string().refine(isDay, 'a due date is a day written YYYY-MM-DD');

/**
 * What an action item comes from: the activity's decision (`decision`), or a board entry
 * (`<boardId>/<entryId>`).
 */
export const ActionSource = z.string().regex(/^(decision|[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{8,64})$/, 'not a decision or board entry');
export type ActionSource = z.infer<typeof ActionSource>;

/**
 * One action item: something one member (its owner) does by a day. Who wrote it is the
 * relay's (SPEC W1); its status, owner and due date change only by its owner (status) or a
 * facilitator or its author (owner, due date): SPEC W12.
 */
export const ActionItem = z.strictObject({
  id: Id,
  title: ActionTitle,
  ownerId: Id,
  /** The owner's name when assigned, for reading the board without the member list. */
  ownerName: z.string().max(120),
  due: DueDay,
  status: ActionStatus,
  source: ActionSource.optional(),
  order: OrderKey,
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** Fields only the owner (status) or a facilitator or the author (the rest) change (SPEC W12). */
export const actionStatusField = 'status';
export const actionAssignFields: readonly string[] = ['ownerId', 'ownerName', 'due'];

/** Items in board order. */
export const inOrder = (items: readonly ActionItem[]) => [...items].sort(byOrder);

/** Open and due before `today` (a day in the reader's zone). */
export const isOverdue = (item: Pick<ActionItem, 'status' | 'due'>, today: string) => isOpen(item.status) && item.due < today;
