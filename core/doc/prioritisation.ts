import type * as Y from 'yjs';
import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { clampScore, groupByPriority, PriorityItem, priorityQuadrantNames, priorityQuadrants, PriorityText, quadrantOf } from '../methods/prioritisation.ts';
import type { Author } from './author.ts';
import { deleteEntry, editEntryText, entriesOf, putEntry, readEntries } from './entries.ts';
import { createBoard, fieldsOf, listBoardsOf, methodOf, seedAddedBoard, type BoardMethod } from './methods.ts';

/**
 * A prioritisation 2×2 board: `methods.get(boardId)` is a Y.Map `{kind: 'prioritisation',
 * version: 1, createdAt, createdBy, items: Y.Map<id, Y.Map>}`, each item a Y.Map of its
 * fields (PriorityItem): a move (impact, effort) and a concurrent edit of its text both
 * survive. A facilitator creates the board under a fresh id; anyone who edits adds,
 * places, edits and removes items. The relay holds every field to its schema (SPEC W12).
 */
export const prioritisationVersion = 1;
const kind = 'prioritisation';

export const prioritisationMethod = {
  kind,
  version: prioritisationVersion,
  schema: z.object({
    kind: z.literal(kind),
    version: z.literal(prioritisationVersion),
    createdAt: IsoDateTime,
    createdBy: Id,
    items: z.record(Id, PriorityItem),
  }),
  seed: (board, by, at) => seedAddedBoard(board, by, at, ['items']),
  entryField: fieldsOf(PriorityItem),
  record: (doc, boardId, locale) => {
    const items = readPriorityItems(doc, boardId);
    if (items.length === 0) return null;
    const grouped = groupByPriority(items);
    const names = priorityQuadrantNames[locale];
    const lines = priorityQuadrants.flatMap((q) => grouped[q].map((i) => `${names[q]}: ${i.text} (impact ${i.impact}, effort ${i.effort})`));
    return { title: locale === 'fr' ? 'Priorisation (impact/effort)' : 'Prioritisation (impact/effort)', lines };
  },
  table: (doc, boardId) => {
    const grouped = groupByPriority(readPriorityItems(doc, boardId));
    const rows: unknown[][] = [['id', 'text', 'impact', 'effort', 'quadrant', 'author', 'createdAt']];
    for (const q of priorityQuadrants) {
      for (const i of grouped[q]) rows.push([i.id, i.text, i.impact, i.effort, priorityQuadrantNames.en[q], i.authorName, i.createdAt]);
    }
    return rows;
  },
} as const satisfies BoardMethod<'prioritisation'>;

export function addPrioritisationBoard(doc: Y.Doc, id: string, by: Author, at: Date) {
  createBoard(doc, prioritisationMethod, id, by, at);
}

export const listPrioritisationBoards = (doc: Y.Doc) => listBoardsOf(doc, kind);

function itemsOf(doc: Y.Doc, boardId: string) {
  return entriesOf(methodOf(doc, boardId, kind), 'items');
}

function requireItems(doc: Y.Doc, boardId: string) {
  const items = itemsOf(doc, boardId);
  if (!items) throw new Error('this activity has no such prioritisation board');
  return items;
}

export function readPriorityItems(doc: Y.Doc, boardId: string): PriorityItem[] {
  return readEntries(itemsOf(doc, boardId), (raw) => PriorityItem.safeParse(raw).data ?? null);
}

export interface NewPriorityItem {
  id: string;
  text: string;
  impact: number;
  effort: number;
  author: Author;
  at: Date;
}

export function addPriorityItem(doc: Y.Doc, boardId: string, input: NewPriorityItem): PriorityItem {
  const item = PriorityItem.parse({
    id: input.id,
    text: input.text,
    impact: clampScore(input.impact),
    effort: clampScore(input.effort),
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.at.toISOString(),
  });
  putEntry(doc, requireItems(doc, boardId), item);
  return item;
}

export function editPriorityItem(doc: Y.Doc, boardId: string, itemId: string, text: string, by: Author, at: Date) {
  return editEntryText(doc, requireItems(doc, boardId), itemId, PriorityText.parse(text), by, at);
}

/** Places an item (scores kept whole and within bounds); only the scores that change are written. */
export function placePriorityItem(doc: Y.Doc, boardId: string, itemId: string, to: { impact: number; effort: number }) {
  const map = requireItems(doc, boardId).get(itemId);
  if (!map) return false;
  const impact = clampScore(to.impact);
  const effort = clampScore(to.effort);
  doc.transact(() => {
    if (map.get('impact') !== impact) map.set('impact', impact);
    if (map.get('effort') !== effort) map.set('effort', effort);
  });
  return true;
}

export function deletePriorityItem(doc: Y.Doc, boardId: string, itemId: string) {
  return deleteEntry(requireItems(doc, boardId), itemId);
}

export { quadrantOf };
