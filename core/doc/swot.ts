import * as Y from 'yjs';
import { groupByQuadrant, orderAt, SwotItem, SwotText, type Quadrant } from '../methods/swot.ts';
import { methodOf, methodsOf } from './methods.ts';

/**
 * The SWOT board in the document: `methods.get('swot')` is a Y.Map
 * `{kind: 'swot', version: 1, items: Y.Map<itemId, Y.Map<field>>}`. Each item is a
 * Y.Map of its fields (see SwotItem), so that one person moving an item while another
 * edits its text keeps both changes.
 */
export const swotMethodId = 'swot';
export const swotVersion = 1;

export interface Author {
  id: string;
  name: string;
}

/** Creates the board; the relay does this once, when the activity is created. */
export function seedSwotBoard(doc: Y.Doc, id = swotMethodId) {
  const board = new Y.Map<unknown>();
  board.set('kind', 'swot');
  board.set('version', swotVersion);
  board.set('items', new Y.Map());
  methodsOf(doc).set(id, board);
}

export function swotItemsMap(doc: Y.Doc, id = swotMethodId): Y.Map<Y.Map<unknown>> | null {
  const items = methodOf(doc, id, 'swot')?.get('items');
  return items instanceof Y.Map ? (items as Y.Map<Y.Map<unknown>>) : null;
}

function requireItems(doc: Y.Doc, id = swotMethodId) {
  const items = swotItemsMap(doc, id);
  if (!items) throw new Error('this activity has no SWOT board');
  return items;
}

/** Reads one item; an item that does not match the schema (a foreign client) is skipped. */
export function readSwotItem(map: Y.Map<unknown>): SwotItem | null {
  const parsed = SwotItem.safeParse(map.toJSON());
  return parsed.success ? parsed.data : null;
}

export function readSwotItems(doc: Y.Doc, id = swotMethodId): SwotItem[] {
  const items = swotItemsMap(doc, id);
  if (!items) return [];
  const out: SwotItem[] = [];
  for (const map of items.values()) {
    const item = readSwotItem(map);
    if (item) out.push(item);
  }
  return out;
}

export interface NewSwotItem {
  id: string;
  quadrant: Quadrant;
  text: string;
  author: Author;
  at: Date;
  /** Where in the quadrant; the end when omitted. */
  index?: number;
}

export function addSwotItem(doc: Y.Doc, input: NewSwotItem, boardId = swotMethodId): SwotItem {
  const items = requireItems(doc, boardId);
  const siblings = groupByQuadrant(readSwotItems(doc, boardId))[input.quadrant];
  const item = SwotItem.parse({
    id: input.id,
    quadrant: input.quadrant,
    text: input.text,
    order: orderAt(siblings, input.index ?? siblings.length),
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.at.toISOString(),
  });
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(item)) map.set(key, value);
    items.set(item.id, map);
  });
  return item;
}

export function editSwotItem(doc: Y.Doc, itemId: string, text: string, by: Author, at: Date, boardId = swotMethodId) {
  const clean = SwotText.parse(text);
  const map = requireItems(doc, boardId).get(itemId);
  if (!map) return false;
  if (map.get('text') === clean) return true;
  doc.transact(() => {
    map.set('text', clean);
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

export function deleteSwotItem(doc: Y.Doc, itemId: string, boardId = swotMethodId) {
  const items = requireItems(doc, boardId);
  if (!items.has(itemId)) return false;
  items.delete(itemId);
  return true;
}

/** Moves an item to `index` in `quadrant` (its own or another). */
export function moveSwotItem(doc: Y.Doc, itemId: string, quadrant: Quadrant, index: number, boardId = swotMethodId) {
  const map = requireItems(doc, boardId).get(itemId);
  if (!map) return false;
  const siblings = groupByQuadrant(readSwotItems(doc, boardId))[quadrant].filter((i) => i.id !== itemId);
  const order = orderAt(siblings, index);
  doc.transact(() => {
    if (map.get('quadrant') !== quadrant) map.set('quadrant', quadrant);
    map.set('order', order);
  });
  return true;
}
