import * as Y from 'yjs';
import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { byOrder, orderAt } from '../methods/order.ts';
import { groupByOption, OptionLabel, ProsConsItem, ProsConsOption, ProsConsText, tallyByOption, type OptionTally, type OptionView, type Side } from '../methods/pros-cons.ts';
import type { Author } from './author.ts';
import { fileRefs } from './attachments.ts';
import { attachToEntry, deleteEntry, detachFromEntry, editEntryText, entriesOf, putEntry, readEntries, setEntryFiles } from './entries.ts';
import { createBoard, fieldsOf, methodOf, methodsOf, type BoardMethod, type RecordLocale } from './methods.ts';

/**
 * A pros and cons board in the document: `methods.get(boardId)` is a Y.Map
 * `{kind: 'pros-cons', version: 1, createdAt, createdBy, options: Y.Map<id, Y.Map>,
 * items: Y.Map<id, Y.Map>}`. Options and items are one Y.Map each (fields as in
 * ProsConsOption / ProsConsItem), so concurrent renames, edits and moves converge.
 * A facilitator's action creates the board under a fresh id; an activity may hold many.
 */
export const prosConsVersion = 1;

/** How the decision record says a board: one line per option, its pros then its cons. */
const prosConsWords: Record<RecordLocale, Record<'title' | 'pros' | 'cons' | 'noPros' | 'noCons' | 'colon' | 'and' | 'then', string>> = {
  en: { title: 'Pros and cons', pros: 'pros', cons: 'cons', noPros: 'no pros', noCons: 'no cons', colon: ': ', and: '; ', then: '; ' },
  fr: { title: 'Pour et contre', pros: 'pour', cons: 'contre', noPros: 'aucun pour', noCons: 'aucun contre', colon: ' : ', and: ' ; ', then: ' ; ' },
};

export interface ProsConsBoard {
  id: string;
  createdAt: string;
  options: OptionView[];
}

export const prosConsMethod = {
  kind: 'pros-cons',
  version: prosConsVersion,
  schema: z.object({
    kind: z.literal('pros-cons'),
    version: z.literal(prosConsVersion),
    createdAt: IsoDateTime,
    createdBy: Id,
    options: z.record(Id, ProsConsOption),
    items: z.record(Id, ProsConsItem),
  }),
  seed: (board, by, at) => {
    board.set('createdAt', at.toISOString());
    if (by) board.set('createdBy', by.id);
    board.set('options', new Y.Map());
    board.set('items', new Y.Map());
  },
  entryField: fieldsOf(ProsConsItem),
  record: (doc, boardId, locale) => {
    const views = readProsConsBoard(doc, boardId)?.options ?? [];
    if (views.length === 0) return null;
    const w = prosConsWords[locale];
    const side = (items: readonly ProsConsItem[], name: string, none: string) => (items.length ? `${name}${w.colon}${items.map((i) => i.text).join(w.and)}` : none);
    const lines = views.map((v) => `${v.option.label}${w.colon}${side(v.pro, w.pros, w.noPros)}${w.then}${side(v.con, w.cons, w.noCons)}`);
    return { title: w.title, lines };
  },
  table: (doc, boardId) => {
    const rows: unknown[][] = [['id', 'option', 'side', 'text', 'author', 'createdAt']];
    for (const v of readProsConsBoard(doc, boardId)?.options ?? []) {
      for (const i of [...v.pro, ...v.con]) rows.push([i.id, v.option.label, i.side, i.text, i.authorName, i.createdAt]);
    }
    return rows;
  },
} as const satisfies BoardMethod<'pros-cons'>;

/** Creates an empty board under `id` (a fresh id, so no two clients make the same one). */
export function addProsConsBoard(doc: Y.Doc, id: string, by: Author, at: Date) {
  createBoard(doc, prosConsMethod, id, by, at);
}

function part(doc: Y.Doc, boardId: string, key: 'options' | 'items') {
  return entriesOf(methodOf(doc, boardId, 'pros-cons'), key);
}

function requirePart(doc: Y.Doc, boardId: string, key: 'options' | 'items') {
  const map = part(doc, boardId, key);
  if (!map) throw new Error('this activity has no such pros and cons board');
  return map;
}

/** Reads one item or option; one that does not match the schema (a foreign client) is skipped. */
export const readProsConsItem = (raw: unknown) => ProsConsItem.safeParse(raw).data ?? null;
export const readProsConsOption = (raw: unknown) => ProsConsOption.safeParse(raw).data ?? null;

export function readProsConsOptions(doc: Y.Doc, boardId: string): ProsConsOption[] {
  return readEntries(part(doc, boardId, 'options'), readProsConsOption);
}

export function readProsConsItems(doc: Y.Doc, boardId: string): ProsConsItem[] {
  return readEntries(part(doc, boardId, 'items'), readProsConsItem);
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
  return [...methodsOf(doc).keys()]
    .filter((id) => methodOf(doc, id, 'pros-cons'))
    .sort((a, b) => (created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

export function prosConsTally(doc: Y.Doc, boardId: string): OptionTally[] {
  return tallyByOption(readProsConsBoard(doc, boardId)?.options ?? []);
}

export function addOption(doc: Y.Doc, boardId: string, id: string, label: string): ProsConsOption {
  const options = requirePart(doc, boardId, 'options');
  const siblings = readProsConsOptions(doc, boardId).sort(byOrder);
  const option = ProsConsOption.parse({ id, label, order: orderAt(siblings, siblings.length) });
  putEntry(doc, options, option);
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
  /** Files attached to it (ids of the activity's files). */
  files?: string[];
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
    files: fileRefs(input.files),
  });
  putEntry(doc, items, item);
  return item;
}

export function editProsConsItem(doc: Y.Doc, boardId: string, itemId: string, text: string, by: Author, at: Date) {
  return editEntryText(doc, requirePart(doc, boardId, 'items'), itemId, ProsConsText.parse(text), by, at);
}

/** Attaches files to an item, or takes them off (none). */
export function setProsConsItemFiles(doc: Y.Doc, boardId: string, itemId: string, files: readonly string[], by: Author, at: Date) {
  return setEntryFiles(doc, requirePart(doc, boardId, 'items'), itemId, fileRefs(files), by, at);
}

/** Attaches one more file to an item, or takes one off. */
export function attachToProsConsItem(doc: Y.Doc, boardId: string, itemId: string, fileId: string, by: Author, at: Date) {
  return attachToEntry(doc, requirePart(doc, boardId, 'items'), itemId, fileId, by, at);
}
export function detachFromProsConsItem(doc: Y.Doc, boardId: string, itemId: string, fileId: string, by: Author, at: Date) {
  return detachFromEntry(doc, requirePart(doc, boardId, 'items'), itemId, fileId, by, at);
}

export function deleteProsConsItem(doc: Y.Doc, boardId: string, itemId: string) {
  return deleteEntry(requirePart(doc, boardId, 'items'), itemId);
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
