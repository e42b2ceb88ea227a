import * as Y from 'yjs';
import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { ActionItem, ActionStatus, ActionTitle, DueDay, inOrder, type ActionSource } from '../methods/action-items.ts';
import { orderAt } from '../methods/order.ts';
import type { Author } from './author.ts';
import { deleteEntry, entriesOf, putEntry, readEntries } from './entries.ts';
import { createBoard, fieldsOf, methodOf, methodsOf, type BoardMethod } from './methods.ts';

/**
 * An action items board in the document: `methods.get(boardId)` is a Y.Map
 * `{kind: 'action-items', version: 1, createdAt, createdBy?, items: Y.Map<id, Y.Map>}`,
 * each item a Y.Map of its fields (ActionItem), so one person changing the status while
 * another renames the item keeps both. A facilitator's action (or the relay, for
 * `POST /api/activities/:id/actions`) creates the board under a fresh id.
 */
export const actionItemsVersion = 1;
export const actionItemsKind = 'action-items';

export const actionItemsMethod = {
  kind: actionItemsKind,
  version: actionItemsVersion,
  schema: z.object({
    kind: z.literal(actionItemsKind),
    version: z.literal(actionItemsVersion),
    createdAt: IsoDateTime,
    createdBy: Id.optional(),
    items: z.record(Id, ActionItem),
  }),
  seed: (board, by, at) => {
    board.set('createdAt', at.toISOString());
    if (by) board.set('createdBy', by.id);
    board.set('items', new Y.Map());
  },
  entryField: fieldsOf(ActionItem),
} as const satisfies BoardMethod<'action-items'>;

/** An item with the board it is on. */
export interface PlacedActionItem extends ActionItem {
  boardId: string;
}

export function addActionItemsBoard(doc: Y.Doc, id: string, by: Author | null, at: Date) {
  createBoard(doc, actionItemsMethod, id, by, at);
}

/** The ids of the activity's action items boards, oldest first. */
export function listActionBoards(doc: Y.Doc): string[] {
  const created = (id: string) => String(methodOf(doc, id, actionItemsKind)?.get('createdAt') ?? '');
  return [...methodsOf(doc).keys()]
    .filter((id) => methodOf(doc, id, actionItemsKind))
    .sort((a, b) => (created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

export function actionItemsMap(doc: Y.Doc, boardId: string) {
  return entriesOf(methodOf(doc, boardId, actionItemsKind), 'items');
}

function requireItems(doc: Y.Doc, boardId: string) {
  const items = actionItemsMap(doc, boardId);
  if (!items) throw new Error('this activity has no such action items board');
  return items;
}

/** Reads one item; one that does not match the schema (a foreign client) is skipped. */
export const readActionItem = (raw: unknown) => ActionItem.safeParse(raw).data ?? null;

/** One board's items, in order. */
export function readActionItems(doc: Y.Doc, boardId: string): ActionItem[] {
  return inOrder(readEntries(actionItemsMap(doc, boardId), readActionItem));
}

/** Every action item of the activity, board by board, each in order. */
export function readAllActionItems(doc: Y.Doc): PlacedActionItem[] {
  return listActionBoards(doc).flatMap((boardId) => readActionItems(doc, boardId).map((item) => ({ ...item, boardId })));
}

export interface NewActionItem {
  id: string;
  title: string;
  owner: Author;
  due: string;
  source?: ActionSource;
  author: Author;
  at: Date;
}

export function addActionItem(doc: Y.Doc, boardId: string, input: NewActionItem): ActionItem {
  const items = requireItems(doc, boardId);
  const siblings = readActionItems(doc, boardId);
  const item = ActionItem.parse({
    id: input.id,
    title: input.title,
    ownerId: input.owner.id,
    ownerName: input.owner.name,
    due: input.due,
    status: 'todo',
    source: input.source,
    order: orderAt(siblings, siblings.length),
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.at.toISOString(),
  });
  putEntry(doc, items, item);
  return item;
}

/** Sets some fields of an item (already validated) and notes who and when; false if it is gone. */
function change(doc: Y.Doc, boardId: string, itemId: string, fields: Record<string, string>, by: Author, at: Date) {
  const map = requireItems(doc, boardId).get(itemId);
  if (!map) return false;
  const changed = Object.entries(fields).filter(([key, value]) => map.get(key) !== value);
  if (changed.length === 0) return true;
  doc.transact(() => {
    for (const [key, value] of changed) map.set(key, value);
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

export const setActionStatus = (doc: Y.Doc, boardId: string, itemId: string, status: ActionStatus, by: Author, at: Date) =>
  change(doc, boardId, itemId, { status: ActionStatus.parse(status) }, by, at);

export const renameActionItem = (doc: Y.Doc, boardId: string, itemId: string, title: string, by: Author, at: Date) =>
  change(doc, boardId, itemId, { title: ActionTitle.parse(title) }, by, at);

/** Gives the item to another owner and/or another due day. */
export const assignActionItem = (doc: Y.Doc, boardId: string, itemId: string, to: { owner: Author; due: string }, by: Author, at: Date) =>
  change(doc, boardId, itemId, { ownerId: Id.parse(to.owner.id), ownerName: to.owner.name, due: DueDay.parse(to.due) }, by, at);

export const deleteActionItem = (doc: Y.Doc, boardId: string, itemId: string) => deleteEntry(requireItems(doc, boardId), itemId);
