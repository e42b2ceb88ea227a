import * as Y from 'yjs';
import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { AgendaDecision, AgendaDecisionStatus, AgendaItem, AgendaMinutes, AgendaText, AgendaTimer, clockText, DecisionText, elapsedAt, maxNotesLength, nextAgendaItem, Presenter, splitAgenda } from '../methods/agenda.ts';
import { byOrder, orderAt } from '../methods/order.ts';
import type { Author } from './author.ts';
import { deleteEntry, editEntryText, entriesOf, putEntry, readEntries } from './entries.ts';
import { createBoard, fieldsOf, listBoardsOf, methodOf, seedAddedBoard, type BoardMethod } from './methods.ts';

/**
 * An agenda: `methods.get(boardId)` is a Y.Map `{kind: 'agenda', version: 1, createdAt,
 * createdBy, items: Y.Map<id, Y.Map>, decisions?: Y.Map<id, Y.Map>, timer?}`. Items are
 * anyone's who edits, each a Y.Map of its fields (AgendaItem), every field held to its schema
 * by the relay (SPEC W15); an item's `notes` is a Y.Text everyone types into (agenda-notes.ts). Decisions taken from an item (AgendaDecision, linked by `itemId`)
 * are the facilitator's (W5), recorded under their name (W1). The timer is a plain value
 * (AgendaTimer), a setting of the board: only a facilitator starts, pauses or moves it (W5),
 * and everyone sees it change live.
 */
export const agendaVersion = 1;
export const agendaKind = 'agenda';
const kind = agendaKind;

const words = {
  en: { title: 'Agenda', min: 'min', took: 'took', parked: 'Parking lot', decided: 'Decision ({item}): {text}', proposed: 'Proposal ({item}): {text}' },
  fr: { title: 'Ordre du jour', min: 'min', took: 'durée réelle', parked: 'Points en attente', decided: 'Décision ({item}) : {text}', proposed: 'Proposition ({item}) : {text}' },
} as const;

export const agendaMethod = {
  kind,
  version: agendaVersion,
  schema: z.object({
    kind: z.literal(kind),
    version: z.literal(agendaVersion),
    createdAt: IsoDateTime,
    createdBy: Id,
    items: z.record(Id, AgendaItem),
    decisions: z.record(Id, AgendaDecision).optional(),
    timer: AgendaTimer.optional(),
  }),
  seed: (board, by, at) => seedAddedBoard(board, by, at, ['items', 'decisions']),
  entryField: fieldsOf(AgendaItem),
  parts: { decisions: fieldsOf(AgendaDecision) },
  settings: { timer: AgendaTimer },
  texts: { notes: maxNotesLength },
  record: (doc, boardId, locale) => {
    const { agenda, parked } = splitAgenda(readAgendaItems(doc, boardId));
    if (agenda.length + parked.length === 0) return null;
    const w = words[locale];
    const line = (i: AgendaItem, n: number) =>
      `${n}. ${i.text} (${i.minutes} ${w.min}${i.presenter ? `, ${i.presenter}` : ''})${i.spentMs !== undefined ? `: ${w.took} ${clockText(i.spentMs)}` : ''}${i.notes ? `: ${i.notes.replace(/\s+/g, ' ').trim()}` : ''}`;
    const decisions = readAgendaDecisions(doc, boardId);
    const taken = (i: AgendaItem) => decisions.filter((d) => d.itemId === i.id).map((d) => w[d.status].replace('{item}', i.text).replace('{text}', d.text.replace(/\s+/g, ' ')));
    const lines = agenda.flatMap((i, n) => [line(i, n + 1), ...taken(i)]);
    for (const i of parked) lines.push(`${w.parked}: ${i.text}`, ...taken(i));
    return { title: w.title, lines };
  },
  table: (doc, boardId) => {
    const { agenda, parked } = splitAgenda(readAgendaItems(doc, boardId));
    const decisions = readAgendaDecisions(doc, boardId);
    const taken = (i: AgendaItem) => decisions.filter((d) => d.itemId === i.id).map((d) => `${d.status}: ${d.text}`).join('\n');
    const rows: unknown[][] = [['id', 'item', 'minutes', 'presenter', 'spentSeconds', 'parked', 'notes', 'decisions']];
    for (const i of [...agenda, ...parked]) rows.push([i.id, i.text, i.minutes, i.presenter ?? '', i.spentMs === undefined ? '' : Math.round(i.spentMs / 1000), i.parked ? 'yes' : '', i.notes ?? '', taken(i)]);
    return rows;
  },
} as const satisfies BoardMethod<'agenda'>;

export function addAgendaBoard(doc: Y.Doc, id: string, by: Author, at: Date) {
  createBoard(doc, agendaMethod, id, by, at);
}

export const listAgendaBoards = (doc: Y.Doc) => listBoardsOf(doc, kind);

function itemsOf(doc: Y.Doc, boardId: string) {
  return entriesOf(methodOf(doc, boardId, kind), 'items');
}

/** One item's map, if the agenda holds it. */
export function agendaItemMap(doc: Y.Doc, boardId: string, itemId: string): Y.Map<unknown> | null {
  return itemsOf(doc, boardId)?.get(itemId) ?? null;
}

function requireItems(doc: Y.Doc, boardId: string) {
  const items = itemsOf(doc, boardId);
  if (!items) throw new Error('this activity has no such agenda');
  return items;
}

/** The items in order (parked ones included: see splitAgenda). */
export function readAgendaItems(doc: Y.Doc, boardId: string): AgendaItem[] {
  return readEntries(itemsOf(doc, boardId), (raw) => AgendaItem.safeParse(raw).data ?? null).sort(byOrder);
}

/** The board's timer; null when none was started or it does not parse (a foreign client). */
export function readAgendaTimer(doc: Y.Doc, boardId: string): AgendaTimer | null {
  return AgendaTimer.safeParse(methodOf(doc, boardId, kind)?.get('timer')).data ?? null;
}

export interface NewAgendaItem {
  id: string;
  text: string;
  minutes: number;
  presenter?: string;
  author: Author;
  at: Date;
}

export function addAgendaItem(doc: Y.Doc, boardId: string, input: NewAgendaItem): AgendaItem {
  const siblings = readAgendaItems(doc, boardId);
  const presenter = input.presenter === undefined ? undefined : Presenter.parse(input.presenter) || undefined;
  const item = AgendaItem.parse({
    id: input.id,
    text: input.text,
    minutes: input.minutes,
    presenter,
    order: orderAt(siblings, siblings.length),
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.at.toISOString(),
  });
  doc.transact(() => {
    const items = requireItems(doc, boardId);
    putEntry(doc, items, item);
    // Its notes are a text from the start: nobody ever creates it later, at once with someone else.
    items.get(item.id)!.set('notes', new Y.Text());
  });
  return item;
}

export function editAgendaItem(doc: Y.Doc, boardId: string, itemId: string, text: string, by: Author, at: Date) {
  return editEntryText(doc, requireItems(doc, boardId), itemId, AgendaText.parse(text), by, at);
}

/** Sets one of an item's own fields (time box, presenter, parking lot), noting who and when; false if it is gone. Notes are typed: agenda-notes.ts. */
export function setAgendaField(doc: Y.Doc, boardId: string, itemId: string, change: { minutes: number } | { presenter: string } | { parked: boolean }, by: Author, at: Date) {
  const map = requireItems(doc, boardId).get(itemId);
  if (!map) return false;
  const [field, raw] = Object.entries(change)[0]!;
  const value = field === 'minutes' ? AgendaMinutes.parse(raw) : field === 'presenter' ? Presenter.parse(raw) : z.boolean().parse(raw);
  if (map.get(field) === value) return true;
  doc.transact(() => {
    map.set(field, value);
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

/** Moves an item to `index` among the agenda's items. */
export function moveAgendaItem(doc: Y.Doc, boardId: string, itemId: string, index: number) {
  const map = requireItems(doc, boardId).get(itemId);
  if (!map) return false;
  const siblings = splitAgenda(readAgendaItems(doc, boardId)).agenda.filter((i) => i.id !== itemId);
  map.set('order', orderAt(siblings, index));
  return true;
}

export function deleteAgendaItem(doc: Y.Doc, boardId: string, itemId: string) {
  return deleteEntry(requireItems(doc, boardId), itemId);
}

function board(doc: Y.Doc, boardId: string) {
  const map = methodOf(doc, boardId, kind);
  if (!map) throw new Error('this activity has no such agenda');
  return map;
}

/**
 * Puts the timer on `itemId`, running from `at`: the item the timer leaves keeps the time
 * it took (`spentMs`), and the item it goes to resumes from its own (0 the first time).
 */
export function startAgendaItem(doc: Y.Doc, boardId: string, itemId: string, at: Date) {
  const items = requireItems(doc, boardId);
  const target = items.get(itemId);
  if (!target) return false;
  const current = readAgendaTimer(doc, boardId);
  doc.transact(() => {
    if (current && current.itemId !== itemId) items.get(current.itemId)?.set('spentMs', elapsedAt(current, at.getTime()));
    const resumed = current?.itemId === itemId ? elapsedAt(current, at.getTime()) : (AgendaItem.shape.spentMs.safeParse(target.get('spentMs')).data ?? 0);
    board(doc, boardId).set('timer', AgendaTimer.parse({ itemId, startedAt: at.toISOString(), elapsedMs: resumed }));
  });
  return true;
}

/** Moves the timer on to the next agenda item; past the last, the timer stops there. */
export function nextAgendaStep(doc: Y.Doc, boardId: string, at: Date) {
  const current = readAgendaTimer(doc, boardId);
  const next = nextAgendaItem(readAgendaItems(doc, boardId), current?.itemId ?? null);
  if (next) return startAgendaItem(doc, boardId, next.id, at);
  if (current) pauseAgenda(doc, boardId, at);
  return false;
}

/** Pauses the timer where it is. */
export function pauseAgenda(doc: Y.Doc, boardId: string, at: Date) {
  const current = readAgendaTimer(doc, boardId);
  if (!current || current.startedAt === null) return false;
  board(doc, boardId).set('timer', { itemId: current.itemId, startedAt: null, elapsedMs: elapsedAt(current, at.getTime()) });
  return true;
}

/** Ends the meeting's timer: the current item keeps the time it took, and no timer shows. */
export function stopAgenda(doc: Y.Doc, boardId: string, at: Date) {
  const current = readAgendaTimer(doc, boardId);
  if (!current) return false;
  doc.transact(() => {
    requireItems(doc, boardId).get(current.itemId)?.set('spentMs', elapsedAt(current, at.getTime()));
    board(doc, boardId).delete('timer');
  });
  return true;
}

function decisionsOf(doc: Y.Doc, boardId: string) {
  return entriesOf(methodOf(doc, boardId, kind), 'decisions');
}

/** Whether the agenda keeps decisions (false for one from before, until the relay brings it up to date). */
export const keepsAgendaDecisions = (doc: Y.Doc, boardId: string) => decisionsOf(doc, boardId) !== null;

/** The decisions taken from the agenda's items, oldest first. */
export function readAgendaDecisions(doc: Y.Doc, boardId: string): AgendaDecision[] {
  const all = readEntries(decisionsOf(doc, boardId), (raw) => AgendaDecision.safeParse(raw).data ?? null);
  return all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface NewAgendaDecision {
  id: string;
  itemId: string;
  text: string;
  status: AgendaDecisionStatus;
  author: Author;
  at: Date;
}

/** Records a decision (or a proposal) taken from an item of the agenda: the facilitator's (SPEC W5). */
export function addAgendaDecision(doc: Y.Doc, boardId: string, input: NewAgendaDecision): AgendaDecision {
  if (!requireItems(doc, boardId).has(input.itemId)) throw new Error('this agenda has no such item');
  const decision = AgendaDecision.parse({
    id: input.id,
    itemId: input.itemId,
    text: DecisionText.parse(input.text),
    status: input.status,
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.at.toISOString(),
  });
  // Agendas made before decisions were kept get their map from the relay when it loads them
  // (upgradeAgendas): two facilitators making it at once would each keep only their own.
  const decisions = decisionsOf(doc, boardId);
  if (!decisions) throw new Error('this agenda is not up to date yet: connect to record decisions');
  putEntry(doc, decisions, decision);
  return decision;
}

/** A proposal becomes a decision (or back); false if it is gone. */
export function setAgendaDecisionStatus(doc: Y.Doc, boardId: string, decisionId: string, status: AgendaDecisionStatus, by: Author, at: Date) {
  const map = decisionsOf(doc, boardId)?.get(decisionId);
  if (!map) return false;
  const value = AgendaDecisionStatus.parse(status);
  if (map.get('status') === value) return true;
  doc.transact(() => {
    map.set('status', value);
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

export function deleteAgendaDecision(doc: Y.Doc, boardId: string, decisionId: string) {
  const decisions = decisionsOf(doc, boardId);
  return decisions ? deleteEntry(decisions, decisionId) : false;
}
