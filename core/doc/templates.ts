import type * as Y from 'yjs';
import { z } from 'zod';
import { AgendaMinutes, AgendaText, Presenter } from '../methods/agenda.ts';
import { addAgendaItem, readAgendaItems } from './agenda.ts';
import type { Author } from './author.ts';
import { boardMethodOf, listMethods, MethodKind } from './board-methods.ts';
import { createBoard } from './methods.ts';
import { metaOf, newDocId } from './schema.ts';

/**
 * Activity templates: which boards a new activity starts with, in which order, and (for an
 * agenda) its first items. The relay applies one to the first document it writes, in the
 * same transaction that creates the activity (core/doc/seed.ts first), so no client ever
 * creates those boards; `meta.boardOrder` keeps the order the work area shows them in.
 * Built-in templates are the catalogue's; an organisation saves its own from an activity
 * (`blueprintOf`: its boards' kinds and agenda items, nothing anyone wrote on them else).
 */
export const maxTemplateBoards = 12;
export const maxTemplateAgendaItems = 50;

export const TemplateAgendaItem = z.strictObject({ text: AgendaText, minutes: AgendaMinutes, presenter: Presenter.optional() });
export const TemplateBoard = z.strictObject({ kind: MethodKind, agenda: z.array(TemplateAgendaItem).max(maxTemplateAgendaItems).optional() });
export type TemplateBoard = z.infer<typeof TemplateBoard>;
export const Blueprint = z.strictObject({ boards: z.array(TemplateBoard).max(maxTemplateBoards) });
export type Blueprint = z.infer<typeof Blueprint>;

const boards = (...kinds: MethodKind[]): Blueprint => ({ boards: kinds.map((kind) => ({ kind })) });

/**
 * The catalogue's eight templates. Every activity has its SWOT board (the situation); a
 * template that names it only places it. Polls and the decision record live in the
 * Decide tab, sealed on the relay, so no template needs to seed them.
 */
export const builtInTemplates = {
  blank: boards(),
  prioritisation: boards('prioritisation', 'action-items'),
  'project-planning': boards('agenda', 'raci', 'action-items'),
  decision: boards('swot', 'pros-cons', 'cost-benefit', 'raci', 'action-items'),
  'decision-basic': boards('pros-cons', 'action-items'),
  discussion: boards('pros-cons', 'swot'),
  meeting: boards('agenda', 'action-items'),
} as const satisfies Record<string, Blueprint>;
export type BuiltInTemplateId = keyof typeof builtInTemplates;
export const builtInTemplateIds = Object.keys(builtInTemplates) as BuiltInTemplateId[];
export const isBuiltInTemplate = (id: string): id is BuiltInTemplateId => Object.hasOwn(builtInTemplates, id);

/**
 * Adds a template's boards to a freshly seeded document, in one transaction: each board
 * under a fresh id, made by `by`, agendas with their items; a kind that has a seeded board
 * (SWOT) is only placed. Writes the order into `meta.boardOrder`.
 */
export function applyBlueprint(doc: Y.Doc, blueprint: Blueprint, by: Author, at: Date) {
  doc.transact(() => {
    for (const board of blueprint.boards) {
      const method = boardMethodOf(board.kind);
      if (!method || 'seededId' in method) continue;
      const id = newDocId();
      createBoard(doc, method, id, by, at);
      for (const item of board.agenda ?? []) addAgendaItem(doc, id, { id: newDocId(), ...item, author: by, at });
    }
    const order = [...new Set(blueprint.boards.map((b) => b.kind))];
    if (order.length > 0) metaOf(doc).set('boardOrder', order);
  });
}

/** The order the work area shows board methods in: the template's, then the registry's. */
export function boardOrderOf(doc: Y.Doc): MethodKind[] {
  const raw = metaOf(doc).get('boardOrder');
  const kinds: unknown[] = Array.isArray(raw) ? raw.slice(0, 100) : [];
  return [...new Set(kinds.flatMap((k) => MethodKind.safeParse(k).data ?? []))].slice(0, maxTemplateBoards);
}

/** An activity as a template: its boards' kinds in the order shown, and its agendas' items (titles, boxes, presenters). */
export function blueprintOf(doc: Y.Doc): Blueprint {
  const order = boardOrderOf(doc);
  const rank = (kind: MethodKind) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  const refs = listMethods(doc).sort((a, b) => rank(a.kind) - rank(b.kind));
  const out: TemplateBoard[] = [];
  for (const ref of refs.slice(0, maxTemplateBoards)) {
    if (ref.kind !== 'agenda') {
      out.push({ kind: ref.kind });
      continue;
    }
    const items = readAgendaItems(doc, ref.id).filter((i) => !i.parked).slice(0, maxTemplateAgendaItems);
    out.push({ kind: 'agenda', agenda: items.map((i) => ({ text: i.text, minutes: i.minutes, ...(i.presenter ? { presenter: i.presenter } : {}) })) });
  }
  return Blueprint.parse({ boards: out });
}
