import type * as Y from 'yjs';
import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { byOrder, orderAt } from '../methods/order.ts';
import { cellField, ColumnLabel, RaciColumn, raciColumnField, raciTaskField, RaciText, RaciVariant, readRaciTask, taskWarnings, type RaciLetter, type RaciTask } from '../methods/raci.ts';
import type { Author } from './author.ts';
import { deleteEntry, editEntryText, entriesOf, putEntry, readEntries } from './entries.ts';
import { createBoard, listBoardsOf, methodOf, seedAddedBoard, type BoardMethod } from './methods.ts';

/**
 * A responsibility matrix: `methods.get(boardId)` is a Y.Map `{kind: 'raci', version: 1,
 * createdAt, createdBy, variant, columns: Y.Map<id, Y.Map>, items: Y.Map<id, Y.Map>}`.
 * The variant and the columns (people or roles) are the facilitator's (W5); tasks are
 * anyone's who edits, each cell a field `cell:<column id>` of its task holding a letter of
 * the variant ('' when cleared), so two people setting two cells of one task at once keep
 * both. The relay holds every field, column and the variant to its schema (W15); letters of
 * another variant left from before the facilitator changed it stay, unread.
 */
export const raciVersion = 1;
const kind = 'raci';

const names = {
  en: { raci: 'RACI matrix', daci: 'DACI matrix', rasic: 'RASIC matrix', none: 'no {letter}', many: 'more than one {letter}' },
  fr: { raci: 'Matrice RACI', daci: 'Matrice DACI', rasic: 'Matrice RASIC', none: 'aucun {letter}', many: 'plus d’un {letter}' },
} as const;

export const raciMethod = {
  kind,
  version: raciVersion,
  schema: z.object({
    kind: z.literal(kind),
    version: z.literal(raciVersion),
    createdAt: IsoDateTime,
    createdBy: Id,
    variant: RaciVariant,
    columns: z.record(Id, RaciColumn),
    items: z.record(Id, z.record(z.string(), z.unknown())),
  }),
  seed: (board, by, at) => {
    seedAddedBoard(board, by, at, ['columns', 'items']);
    board.set('variant', 'raci');
  },
  entryField: (field, setting) => raciTaskField(field, RaciVariant.safeParse(setting('variant')).data ?? 'raci'),
  parts: { columns: raciColumnField },
  settings: { variant: RaciVariant },
  record: (doc, boardId, locale) => {
    const tasks = readRaciTasks(doc, boardId);
    if (tasks.length === 0) return null;
    const columns = readRaciColumns(doc, boardId);
    const variant = variantOf(doc, boardId);
    const w = names[locale];
    const lines = tasks.map((task) => {
      const cells = columns.filter((c) => task.cells[c.id]).map((c) => `${task.cells[c.id]} ${c.label}`);
      const warnings = taskWarnings(task, columns, variant).map((x) => w[x.problem].replace('{letter}', x.letter));
      return `${task.text}: ${cells.join(', ') || '-'}${warnings.length ? ` (${warnings.join(', ')})` : ''}`;
    });
    return { title: w[variant], lines };
  },
  table: (doc, boardId) => {
    const columns = readRaciColumns(doc, boardId);
    const rows: unknown[][] = [['id', 'task', ...columns.map((c) => c.label)]];
    for (const task of readRaciTasks(doc, boardId)) rows.push([task.id, task.text, ...columns.map((c) => task.cells[c.id] ?? '')]);
    return rows;
  },
} as const satisfies BoardMethod<'raci'>;

export function addRaciBoard(doc: Y.Doc, id: string, by: Author, at: Date) {
  createBoard(doc, raciMethod, id, by, at);
}

export const listRaciBoards = (doc: Y.Doc) => listBoardsOf(doc, kind);

function part(doc: Y.Doc, boardId: string, key: 'columns' | 'items') {
  return entriesOf(methodOf(doc, boardId, kind), key);
}

function requirePart(doc: Y.Doc, boardId: string, key: 'columns' | 'items') {
  const map = part(doc, boardId, key);
  if (!map) throw new Error('this activity has no such responsibility matrix');
  return map;
}

export function variantOf(doc: Y.Doc, boardId: string) {
  return RaciVariant.safeParse(methodOf(doc, boardId, kind)?.get('variant')).data ?? 'raci';
}

export function setVariant(doc: Y.Doc, boardId: string, variant: string) {
  methodOf(doc, boardId, kind)?.set('variant', RaciVariant.parse(variant));
}

export function readRaciColumns(doc: Y.Doc, boardId: string): RaciColumn[] {
  return readEntries(part(doc, boardId, 'columns'), (raw) => RaciColumn.safeParse(raw).data ?? null).sort(byOrder);
}

export function readRaciTasks(doc: Y.Doc, boardId: string): RaciTask[] {
  const variant = variantOf(doc, boardId);
  return readEntries(part(doc, boardId, 'items'), (raw) => readRaciTask(raw as Record<string, unknown>, variant)).sort(byOrder);
}

/** A column for a member (`personId`) or a named role. */
export function addRaciColumn(doc: Y.Doc, boardId: string, id: string, label: string, personId?: string): RaciColumn {
  const siblings = readRaciColumns(doc, boardId);
  const column = RaciColumn.parse({ id, label: ColumnLabel.parse(label), personId, order: orderAt(siblings, siblings.length) });
  putEntry(doc, requirePart(doc, boardId, 'columns'), column);
  return column;
}

export function removeRaciColumn(doc: Y.Doc, boardId: string, columnId: string) {
  return deleteEntry(requirePart(doc, boardId, 'columns'), columnId);
}

export function addRaciTask(doc: Y.Doc, boardId: string, input: { id: string; text: string; author: Author; at: Date }) {
  const siblings = readRaciTasks(doc, boardId);
  const task = { id: input.id, text: RaciText.parse(input.text), order: orderAt(siblings, siblings.length), authorId: input.author.id, authorName: input.author.name, createdAt: input.at.toISOString() };
  putEntry(doc, requirePart(doc, boardId, 'items'), task);
}

export function editRaciTask(doc: Y.Doc, boardId: string, taskId: string, text: string, by: Author, at: Date) {
  return editEntryText(doc, requirePart(doc, boardId, 'items'), taskId, RaciText.parse(text), by, at);
}

/** Sets one cell ('' clears it); false if the task is gone. */
export function setRaciCell(doc: Y.Doc, boardId: string, taskId: string, columnId: string, letter: RaciLetter | '') {
  const map = requirePart(doc, boardId, 'items').get(taskId);
  if (!map) return false;
  const field = cellField(columnId);
  if (!raciTaskField(field, variantOf(doc, boardId))?.safeParse(letter).success) throw new Error('not a letter of this matrix');
  if ((map.get(field) ?? '') !== letter) map.set(field, letter);
  return true;
}

export function deleteRaciTask(doc: Y.Doc, boardId: string, taskId: string) {
  return deleteEntry(requirePart(doc, boardId, 'items'), taskId);
}
