import * as Y from 'yjs';
import { z } from 'zod';
import { Id } from '../api/common.ts';
import { orderAt } from '../methods/order.ts';
import { groupByQuadrant, quadrants, SwotItem, SwotText, type Quadrant } from '../methods/swot.ts';
import type { Author } from './author.ts';
import { fileRefs } from './attachments.ts';
import { attachToEntry, deleteEntry, detachFromEntry, editEntryText, entriesOf, putEntry, readEntries, setEntryFiles } from './entries.ts';
import { fieldsOf, methodOf, type BoardMethod, type RecordLocale } from './methods.ts';

/**
 * The SWOT board in the document: `methods.get('swot')` is a Y.Map
 * `{kind: 'swot', version: 1, items: Y.Map<itemId, Y.Map<field>>}`, each item a Y.Map
 * of its fields (see SwotItem and entries.ts). The relay seeds it with every activity.
 */
export const swotMethodId = 'swot';

/** How the decision record names the board and its quadrants. */
const swotWords: Record<RecordLocale, Record<Quadrant | 'title' | 'colon', string>> = {
  en: { title: 'SWOT', strengths: 'Strengths', weaknesses: 'Weaknesses', opportunities: 'Opportunities', threats: 'Threats', colon: ': ' },
  fr: { title: 'SWOT (forces, faiblesses, opportunités, menaces)', strengths: 'Forces', weaknesses: 'Faiblesses', opportunities: 'Opportunités', threats: 'Menaces', colon: ' : ' },
};
export const swotVersion = 1;
/**
 * `shown: true`: a facilitator put the board in sight although the activity's template does
 * not name it (see `swotInSight` in templates.ts). Absent on every board made before it.
 */
const SwotShown = z.literal(true);

export const swotMethod = {
  kind: 'swot',
  version: swotVersion,
  schema: z.object({ kind: z.literal('swot'), version: z.literal(swotVersion), items: z.record(Id, SwotItem), shown: SwotShown.optional() }),
  seed: (board) => board.set('items', new Y.Map()),
  seededId: swotMethodId,
  settings: { shown: SwotShown },
  entryField: fieldsOf(SwotItem),
  record: (doc, boardId, locale) => {
    const grouped = groupByQuadrant(readSwotItems(doc, boardId));
    const w = swotWords[locale];
    const lines = quadrants.flatMap((q) => grouped[q].map((i) => `${w[q]}${w.colon}${i.text}`));
    return lines.length === 0 ? null : { title: w.title, lines };
  },
  table: (doc, boardId) => {
    const grouped = groupByQuadrant(readSwotItems(doc, boardId));
    const rows: unknown[][] = [['id', 'quadrant', 'text', 'author', 'createdAt']];
    for (const q of quadrants) for (const i of grouped[q]) rows.push([i.id, q, i.text, i.authorName, i.createdAt]);
    return rows;
  },
} as const satisfies BoardMethod<'swot'>;

export function swotItemsMap(doc: Y.Doc, id = swotMethodId): Y.Map<Y.Map<unknown>> | null {
  return entriesOf(methodOf(doc, id, 'swot'), 'items');
}

function requireItems(doc: Y.Doc, id = swotMethodId) {
  const items = swotItemsMap(doc, id);
  if (!items) throw new Error('this activity has no SWOT board');
  return items;
}

/** Reads one item; an item that does not match the schema (a foreign client) is skipped. */
export function readSwotItem(map: Y.Map<unknown>): SwotItem | null {
  return SwotItem.safeParse(map.toJSON()).data ?? null;
}

export function readSwotItems(doc: Y.Doc, id = swotMethodId): SwotItem[] {
  return readEntries(swotItemsMap(doc, id), (raw) => SwotItem.safeParse(raw).data ?? null);
}

export interface NewSwotItem {
  id: string;
  quadrant: Quadrant;
  text: string;
  author: Author;
  at: Date;
  /** Where in the quadrant; the end when omitted. */
  index?: number;
  /** A facilitator putting someone else's revealed entry on the board (SPEC W1). */
  placedBy?: Author;
  /** Files attached to it (ids of the activity's files). */
  files?: string[];
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
    placedBy: input.placedBy && input.placedBy.id !== input.author.id ? input.placedBy.id : undefined,
    files: fileRefs(input.files),
  });
  putEntry(doc, items, item);
  return item;
}

export function editSwotItem(doc: Y.Doc, itemId: string, text: string, by: Author, at: Date, boardId = swotMethodId) {
  return editEntryText(doc, requireItems(doc, boardId), itemId, SwotText.parse(text), by, at);
}

/** Attaches files to an item, or takes them off (none). */
export function setSwotItemFiles(doc: Y.Doc, itemId: string, files: readonly string[], by: Author, at: Date, boardId = swotMethodId) {
  return setEntryFiles(doc, requireItems(doc, boardId), itemId, fileRefs(files), by, at);
}

/** Attaches one more file to an item, or takes one off. */
export function attachToSwotItem(doc: Y.Doc, itemId: string, fileId: string, by: Author, at: Date, boardId = swotMethodId) {
  return attachToEntry(doc, requireItems(doc, boardId), itemId, fileId, by, at);
}
export function detachFromSwotItem(doc: Y.Doc, itemId: string, fileId: string, by: Author, at: Date, boardId = swotMethodId) {
  return detachFromEntry(doc, requireItems(doc, boardId), itemId, fileId, by, at);
}

/** A facilitator puts the board in sight, empty as it may be (SPEC W5: the board's setting). */
export function showSwot(doc: Y.Doc, boardId = swotMethodId) {
  methodOf(doc, boardId, 'swot')?.set('shown', true);
}

/** Whether a facilitator put the board in sight. */
export function swotShown(doc: Y.Doc, boardId = swotMethodId): boolean {
  return methodOf(doc, boardId, 'swot')?.get('shown') === true;
}

export function deleteSwotItem(doc: Y.Doc, itemId: string, boardId = swotMethodId) {
  return deleteEntry(requireItems(doc, boardId), itemId);
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
