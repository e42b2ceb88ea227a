import * as Y from 'yjs';
import { actionItemsKind, readActionItem } from '#core/doc/action-items';
import { methodsOf } from '#core/doc/methods';
import { DocRoot } from '#core/doc/schema';
import type { ActionItem } from '#core/methods/action-items';

/**
 * What a transaction did to the activity's action items, for the `action_items` table
 * (migration 780): each item it touched as it now reads (null: gone, or no longer an
 * item), and each board it removed or replaced. Kept in the commit of the update that
 * made them (update-log.ts), like mentions.
 */
export type ActionFact =
  | { board: string; item: string; now: ActionItem | null }
  /** The board under this id is gone or replaced: its rows go (the items it now holds follow as facts). */
  | { board: string; item: null; now: null };

/**
 * Read from what Yjs says the transaction changed (types that existed before it, with the
 * keys changed): the `methods` map (boards added, replaced, removed), a board's `items`
 * map (items added or removed), an item's map (fields changed). The work is bounded by
 * what the transaction changed: each touched item is read once.
 */
export function actionFacts(doc: Y.Doc, tr: Y.Transaction): ActionFact[] {
  // A root no one asked for by type yet is a plain type in the transaction: getMap makes it a Y.Map, a new object.
  const root: unknown = doc.share.get(DocRoot.methods);
  const methods = methodsOf(doc);
  const touched = new Map<string, Set<string>>();
  const boardsGone: string[] = [];
  const touch = (board: string, item: string) => {
    let items = touched.get(board);
    if (!items) touched.set(board, (items = new Set()));
    items.add(item);
  };
  for (const [type, keys] of tr.changed) {
    if ((type as unknown) === methods || (type as unknown) === root) {
      for (const board of keys) {
        if (board === null) continue;
        boardsGone.push(board);
        for (const item of itemsOf(methods.get(board))?.keys() ?? []) touch(board, item);
      }
      continue;
    }
    const boardOfItems = actionBoardOf(type._item, methods);
    if (boardOfItems !== null) {
      for (const item of keys) if (item !== null) touch(boardOfItems, item);
      continue;
    }
    const owner = type._item?.parent;
    if (type instanceof Y.Map && owner instanceof Y.Map && typeof type._item?.parentSub === 'string') {
      const board = actionBoardOf(owner._item, methods);
      if (board !== null) touch(board, type._item.parentSub);
    }
  }
  const facts: ActionFact[] = boardsGone.map((board) => ({ board, item: null, now: null }));
  for (const [board, items] of touched) {
    const map = itemsOf(methods.get(board));
    for (const item of items) {
      const entry = map?.get(item);
      facts.push({ board, item, now: entry instanceof Y.Map ? readActionItem(entry.toJSON()) : null });
    }
  }
  return facts;
}

/** The items map of a board, if the board is an action items board. */
function itemsOf(board: unknown): Y.Map<unknown> | null {
  if (!(board instanceof Y.Map) || board.get('kind') !== actionItemsKind) return null;
  const items: unknown = board.get('items');
  return items instanceof Y.Map ? (items as Y.Map<unknown>) : null;
}

/** The id of the action items board whose `items` map is the type of `item`, or null. */
function actionBoardOf(item: Y.Item | null, methods: Y.Map<Y.Map<unknown>>): string | null {
  if (!item || item.parentSub !== 'items' || !(item.parent instanceof Y.Map)) return null;
  const board = item.parent;
  const boardItem = board._item;
  if (!boardItem || (boardItem.parent as unknown) !== methods || typeof boardItem.parentSub !== 'string') return null;
  const items = itemsOf(board);
  return items !== null && items._item === item ? boardItem.parentSub : null;
}
