import * as Y from 'yjs';
import { groupByOption, OptionLabel, ProsConsItem, ProsConsOption, ProsConsText, tallyByOption, type OptionTally, type OptionView, type Side } from '../methods/pros-cons.ts';
import { byOrder, orderAt } from '../methods/swot.ts';
import { listMethods, methodOf, methodsOf } from './methods.ts';
import type { Author } from './swot.ts';

/**
 * A pros and cons board in the document: `methods.get(boardId)` is a Y.Map
 * `{kind: 'pros-cons', version: 1, createdAt, createdBy, options: Y.Map<id, Y.Map>,
 * items: Y.Map<id, Y.Map>}`. Options and items are one Y.Map each (fields as in
 * ProsConsOption / ProsConsItem), so concurrent renames, edits and moves converge.
 * A facilitator's action creates the board under a fresh id; an activity may hold many.
 */
export const prosConsVersion = 1;

export interface ProsConsBoard {
  id: string;
  createdAt: string;
  options: OptionView[];
}

/** Creates an empty board under `id` (a fresh id, so no two clients make the same one). */
export function addProsConsBoard(doc: Y.Doc, id: string, by: Author, at: Date) {
  if (methodsOf(doc).has(id)) throw new Error('a method with this id already exists');
  doc.transact(() => {
    const board = new Y.Map<unknown>();
    board.set('kind', 'pros-cons');
    board.set('version', prosConsVersion);
    board.set('createdAt', at.toISOString());
    board.set('createdBy', by.id);
    board.set('options', new Y.Map());
    board.set('items', new Y.Map());
    methodsOf(doc).set(id, board);
  });
}

function part(doc: Y.Doc, boardId: string, key: 'options' | 'items'): Y.Map<Y.Map<unknown>> | null {
  const map = methodOf(doc, boardId, 'pros-cons')?.get(key);
  return map instanceof Y.Map ? (map as Y.Map<Y.Map<unknown>>) : null;
}

function requirePart(doc: Y.Doc, boardId: string, key: 'options' | 'items') {
  const map = part(doc, boardId, key);
  if (!map) throw new Error('this activity has no such pros and cons board');
  return map;
}

function readAll<T>(map: Y.Map<Y.Map<unknown>> | null, parse: (raw: unknown) => T | null): T[] {
  const out: T[] = [];
  for (const entry of map?.values() ?? []) {
    const value = entry instanceof Y.Map ? parse(entry.toJSON()) : null;
    if (value) out.push(value);
  }
  return out;
}

/** Reads one item or option; one that does not match the schema (a foreign client) is skipped. */
export const readProsConsItem = (raw: unknown) => ProsConsItem.safeParse(raw).data ?? null;
export const readProsConsOption = (raw: unknown) => ProsConsOption.safeParse(raw).data ?? null;

export function readProsConsOptions(doc: Y.Doc, boardId: string): ProsConsOption[] {
  return readAll(part(doc, boardId, 'options'), readProsConsOption);
}

export function readProsConsItems(doc: Y.Doc, boardId: string): ProsConsItem[] {
  return readAll(part(doc, boardId, 'items'), readProsConsItem);
}

/** The board grouped by option and side, everything in order; null if there is none. */
export function readProsConsBoard(doc: Y.Doc, boardId: string): ProsConsBoard | null {
  const board = methodOf(doc, boardId, 'pros-cons');
  if (!board) return null;
  const createdAt = board.get('createdAt');
  return {
    id: boardId,
    createdAt: typeof createdAt === 'string' ? createdAt : '',
    options: groupByOption(readProsConsOptions(doc, boardId), readProsConsItems(doc, boardId)),
  };
}

/** The ids of the activity's pros and cons boards, oldest first. */
export function listProsConsBoards(doc: Y.Doc): string[] {
  const created = (id: string) => String(methodOf(doc, id, 'pros-cons')?.get('createdAt') ?? '');
  return listMethods(doc)
    .filter((m) => m.kind === 'pros-cons')
    .map((m) => m.id)
    .sort((a, b) => (created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

export function prosConsTally(doc: Y.Doc, boardId: string): OptionTally[] {
  return tallyByOption(readProsConsBoard(doc, boardId)?.options ?? []);
}

function setFields(map: Y.Map<unknown>, fields: object) {
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value);
}

export function addOption(doc: Y.Doc, boardId: string, id: string, label: string): ProsConsOption {
  const options = requirePart(doc, boardId, 'options');
  const siblings = readProsConsOptions(doc, boardId).sort(byOrder);
  const option = ProsConsOption.parse({ id, label, order: orderAt(siblings, siblings.length) });
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    setFields(map, option);
    options.set(option.id, map);
  });
  return option;
}

export function renameOption(doc: Y.Doc, boardId: string, optionId: string, label: string) {
  const clean = OptionLabel.parse(label);
  const map = requirePart(doc, boardId, 'options').get(optionId);
  if (!map) return false;
  if (map.get('label') !== clean) map.set('label', clean);
  return true;
}

/** Removes an option and every pro and con of it. */
export function removeOption(doc: Y.Doc, boardId: string, optionId: string) {
  const options = requirePart(doc, boardId, 'options');
  const items = requirePart(doc, boardId, 'items');
  if (!options.has(optionId)) return false;
  doc.transact(() => {
    options.delete(optionId);
    for (const [id, map] of [...items.entries()]) if (map.get('optionId') === optionId) items.delete(id);
  });
  return true;
}

function siblingsOf(doc: Y.Doc, boardId: string, optionId: string, side: Side, except?: string) {
  const view = readProsConsBoard(doc, boardId)?.options.find((v) => v.option.id === optionId);
  if (!view) throw new Error('this board has no such option');
  return view[side].filter((i) => i.id !== except);
}

export interface NewProsConsItem {
  id: string;
  optionId: string;
  side: Side;
  text: string;
  author: Author;
  at: Date;
  /** Where among the option's pros (or cons); the end when omitted. */
  index?: number;
}

export function addProsConsItem(doc: Y.Doc, boardId: string, input: NewProsConsItem): ProsConsItem {
  const items = requirePart(doc, boardId, 'items');
  const siblings = siblingsOf(doc, boardId, input.optionId, input.side);
  const item = ProsConsItem.parse({
    id: input.id,
    optionId: input.optionId,
    side: input.side,
    text: input.text,
    order: orderAt(siblings, input.index ?? siblings.length),
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.at.toISOString(),
  });
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    setFields(map, item);
    items.set(item.id, map);
  });
  return item;
}

export function editProsConsItem(doc: Y.Doc, boardId: string, itemId: string, text: string, by: Author, at: Date) {
  const clean = ProsConsText.parse(text);
  const map = requirePart(doc, boardId, 'items').get(itemId);
  if (!map) return false;
  if (map.get('text') === clean) return true;
  doc.transact(() => {
    map.set('text', clean);
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

export function deleteProsConsItem(doc: Y.Doc, boardId: string, itemId: string) {
  const items = requirePart(doc, boardId, 'items');
  if (!items.has(itemId)) return false;
  items.delete(itemId);
  return true;
}

/** Moves an item to `index` among the `side` items of `optionId` (its own or another). */
export function moveProsConsItem(doc: Y.Doc, boardId: string, itemId: string, to: { optionId: string; side: Side; index: number }) {
  const map = requirePart(doc, boardId, 'items').get(itemId);
  if (!map) return false;
  const order = orderAt(siblingsOf(doc, boardId, to.optionId, to.side, itemId), to.index);
  doc.transact(() => {
    if (map.get('optionId') !== to.optionId) map.set('optionId', to.optionId);
    if (map.get('side') !== to.side) map.set('side', to.side);
    map.set('order', order);
  });
  return true;
}
