import type * as Y from 'yjs';
import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import {
  CostBenefitLine,
  CostBenefitOption,
  CostOptionLabel,
  defaultHorizon,
  formatMoney,
  Horizon,
  LineLabel,
  optionFigures,
  type CostSide,
  type OptionFigures,
  type Recurrence,
} from '../methods/cost-benefit.ts';
import { byOrder, orderAt } from '../methods/order.ts';
import type { Author } from './author.ts';
import { deleteEntry, entriesOf, putEntry, readEntries } from './entries.ts';
import { createBoard, fieldsOf, listBoardsOf, methodOf, seedAddedBoard, type BoardMethod, type RecordLocale } from './methods.ts';

/**
 * A cost/benefit board: `methods.get(boardId)` is a Y.Map `{kind: 'cost-benefit', version: 1,
 * createdAt, createdBy, horizonMonths, options: Y.Map<id, Y.Map>, items: Y.Map<id, Y.Map>}`.
 * Options and the horizon are the facilitator's (W5); the lines (items: a cost or benefit
 * of an option) anyone's who edits, each field held to its schema by the relay (W15).
 */
export const costBenefitVersion = 1;
const kind = 'cost-benefit';

const words = {
  en: { title: 'Cost/benefit', line: '{label} ({currency}): costs {costs}, benefits {benefits}, expected net {net}, {payback}', months: 'payback in {n} months', now: 'paid back at once', never: 'not paid back' },
  fr: { title: 'Coûts/bénéfices', line: '{label} ({currency}) : coûts {costs}, bénéfices {benefits}, valeur nette attendue {net}, {payback}', months: 'retour en {n} mois', now: 'rentable d’emblée', never: 'jamais rentabilisé' },
} as const;

/** One option's figures in words, in `locale` (the record and the app say it alike). */
export function figuresText(f: OptionFigures, locale: RecordLocale): string {
  const w = words[locale];
  const money = (units: number) => formatMoney(units, f.currency, locale).replace(/\u202f/g, '\u00a0');
  const payback = f.paybackMonths === null ? w.never : f.paybackMonths === 0 ? w.now : w.months.replace('{n}', String(f.paybackMonths));
  return w.line
    .replace('{label}', f.label)
    .replace('{currency}', f.currency)
    .replace('{costs}', money(f.costs))
    .replace('{benefits}', money(f.benefits))
    .replace('{net}', money(f.net))
    .replace('{payback}', payback);
}

export const costBenefitMethod = {
  kind,
  version: costBenefitVersion,
  schema: z.object({
    kind: z.literal(kind),
    version: z.literal(costBenefitVersion),
    createdAt: IsoDateTime,
    createdBy: Id,
    horizonMonths: Horizon,
    options: z.record(Id, CostBenefitOption),
    items: z.record(Id, CostBenefitLine),
  }),
  seed: (board, by, at) => {
    seedAddedBoard(board, by, at, ['options', 'items']);
    board.set('horizonMonths', defaultHorizon);
  },
  entryField: fieldsOf(CostBenefitLine),
  parts: { options: fieldsOf(CostBenefitOption) },
  settings: { horizonMonths: Horizon },
  record: (doc, boardId, locale) => {
    const figures = costBenefitFigures(doc, boardId);
    if (figures.length === 0) return null;
    const w = words[locale];
    const horizon = horizonOf(doc, boardId);
    return { title: `${w.title} (${locale === 'fr' ? `sur ${horizon} mois` : `over ${horizon} months`})`, lines: figures.map((f) => figuresText(f, locale)) };
  },
  table: (doc, boardId) => {
    const options = new Map(readCostBenefitOptions(doc, boardId).map((o) => [o.id, o.label]));
    const rows: unknown[][] = [['id', 'option', 'side', 'label', 'amountMinorUnits', 'currency', 'probability', 'recurrence', 'author', 'createdAt']];
    for (const l of readCostBenefitLines(doc, boardId)) {
      if (options.has(l.optionId)) rows.push([l.id, options.get(l.optionId), l.side, l.label, l.amount, l.currency, l.probability, l.recurrence, l.authorName, l.createdAt]);
    }
    return rows;
  },
} as const satisfies BoardMethod<'cost-benefit'>;

export function addCostBenefitBoard(doc: Y.Doc, id: string, by: Author, at: Date) {
  createBoard(doc, costBenefitMethod, id, by, at);
}

export const listCostBenefitBoards = (doc: Y.Doc) => listBoardsOf(doc, kind);

function part(doc: Y.Doc, boardId: string, key: 'options' | 'items') {
  return entriesOf(methodOf(doc, boardId, kind), key);
}

function requirePart(doc: Y.Doc, boardId: string, key: 'options' | 'items') {
  const map = part(doc, boardId, key);
  if (!map) throw new Error('this activity has no such cost/benefit board');
  return map;
}

export function horizonOf(doc: Y.Doc, boardId: string): number {
  return Horizon.safeParse(methodOf(doc, boardId, kind)?.get('horizonMonths')).data ?? defaultHorizon;
}

export function setHorizon(doc: Y.Doc, boardId: string, months: number) {
  const board = methodOf(doc, boardId, kind);
  if (!board) return false;
  board.set('horizonMonths', Horizon.parse(months));
  return true;
}

export function readCostBenefitOptions(doc: Y.Doc, boardId: string): CostBenefitOption[] {
  return readEntries(part(doc, boardId, 'options'), (raw) => CostBenefitOption.safeParse(raw).data ?? null).sort(byOrder);
}

export function readCostBenefitLines(doc: Y.Doc, boardId: string): CostBenefitLine[] {
  const lines = readEntries(part(doc, boardId, 'items'), (raw) => CostBenefitLine.safeParse(raw).data ?? null);
  return lines.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function costBenefitFigures(doc: Y.Doc, boardId: string): OptionFigures[] {
  return optionFigures(readCostBenefitOptions(doc, boardId), readCostBenefitLines(doc, boardId), horizonOf(doc, boardId));
}

export function addCostOption(doc: Y.Doc, boardId: string, id: string, label: string): CostBenefitOption {
  const siblings = readCostBenefitOptions(doc, boardId);
  const option = CostBenefitOption.parse({ id, label, order: orderAt(siblings, siblings.length) });
  putEntry(doc, requirePart(doc, boardId, 'options'), option);
  return option;
}

export function renameCostOption(doc: Y.Doc, boardId: string, optionId: string, label: string) {
  const map = requirePart(doc, boardId, 'options').get(optionId);
  if (!map) return false;
  map.set('label', CostOptionLabel.parse(label));
  return true;
}

/** Removes an option and its lines. */
export function removeCostOption(doc: Y.Doc, boardId: string, optionId: string) {
  const options = requirePart(doc, boardId, 'options');
  const items = requirePart(doc, boardId, 'items');
  if (!options.has(optionId)) return false;
  doc.transact(() => {
    options.delete(optionId);
    for (const [id, map] of [...items.entries()]) if (map.get('optionId') === optionId) items.delete(id);
  });
  return true;
}

export interface NewCostBenefitLine {
  id: string;
  optionId: string;
  side: CostSide;
  label: string;
  amount: number;
  currency: string;
  probability: number;
  recurrence: Recurrence;
  author: Author;
  at: Date;
}

export function addCostBenefitLine(doc: Y.Doc, boardId: string, input: NewCostBenefitLine): CostBenefitLine {
  const line = CostBenefitLine.parse({
    id: input.id,
    optionId: input.optionId,
    side: input.side,
    label: input.label,
    amount: input.amount,
    currency: input.currency,
    probability: input.probability,
    recurrence: input.recurrence,
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.at.toISOString(),
  });
  putEntry(doc, requirePart(doc, boardId, 'items'), line);
  return line;
}

type LineChange = Partial<Pick<CostBenefitLine, 'side' | 'label' | 'amount' | 'currency' | 'probability' | 'recurrence'>>;

/** Changes some fields of a line (each checked), noting who and when; false if it is gone. */
export function editCostBenefitLine(doc: Y.Doc, boardId: string, lineId: string, change: LineChange, by: Author, at: Date) {
  const map = requirePart(doc, boardId, 'items').get(lineId);
  if (!map) return false;
  const shape = CostBenefitLine.shape;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    if (value !== undefined) clean[key] = (key === 'label' ? LineLabel : shape[key as keyof typeof shape]).parse(value);
  }
  doc.transact(() => {
    for (const [key, value] of Object.entries(clean)) if (map.get(key) !== value) map.set(key, value);
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

export function deleteCostBenefitLine(doc: Y.Doc, boardId: string, lineId: string) {
  return deleteEntry(requirePart(doc, boardId, 'items'), lineId);
}

