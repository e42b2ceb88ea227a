import type * as Y from 'yjs';
import { z } from 'zod';
import { AgendaMinutes, AgendaText, Presenter } from '../methods/agenda.ts';
import { PriorityText, Score } from '../methods/prioritisation.ts';
import { ColumnLabel, RaciText, RaciVariant } from '../methods/raci.ts';
import { linesText } from '../text/clean.ts';
import { addAgendaItem, readAgendaItems } from './agenda.ts';
import type { Author } from './author.ts';
import { boardMethodOf, listMethods, MethodKind } from './board-methods.ts';
import { briefOf } from './brief.ts';
import { briefText } from './content.ts';
import { createBoard } from './methods.ts';
import { addPriorityItem, readPriorityItems } from './prioritisation.ts';
import { addRaciColumn, addRaciTask, readRaciColumns, readRaciTasks, setVariant, variantOf } from './raci.ts';
import { metaOf, newDocId } from './schema.ts';
import { swotItemsMap, swotShown } from './swot.ts';

/**
 * Activity templates: which boards a new activity starts with, in which order, and (for an
 * agenda) its first items. The relay applies one to the first document it writes, in the
 * same transaction that creates the activity (core/doc/seed.ts first), so no client ever
 * creates those boards; `meta.boardOrder` keeps the order the work area shows them in.
 * Built-in templates are the catalogue's; an organisation saves its own from an activity
 * (`blueprintOf`): its boards' kinds, and the content chosen to start from — agenda items with
 * their time boxes, a responsibility matrix's variant, columns (as named roles) and tasks,
 * prioritisation items where they were placed, the brief's text — never votes, comments,
 * notes, letters given to people or anyone's action items. Bounded in count and in size (64 KiB
 * of JSON in all), checked when saved and again when used.
 */
export const maxTemplateBoards = 12;
export const maxTemplateAgendaItems = 50;
/** RACI tasks, columns and prioritisation items one board of a template carries. */
export const maxTemplateEntries = 50;
export const maxBlueprintBytes = 64 * 1024;

export const TemplateAgendaItem = z.strictObject({ text: AgendaText, minutes: AgendaMinutes, presenter: Presenter.optional() });
export const TemplateRaci = z.strictObject({
  variant: RaciVariant,
  columns: z.array(ColumnLabel).max(maxTemplateEntries),
  tasks: z.array(RaciText).max(maxTemplateEntries),
});
export const TemplatePriority = z.strictObject({ text: PriorityText, impact: Score, effort: Score });
export const TemplateBoard = z
  .strictObject({
    kind: MethodKind,
    agenda: z.array(TemplateAgendaItem).max(maxTemplateAgendaItems).optional(),
    raci: TemplateRaci.optional(),
    priorities: z.array(TemplatePriority).max(maxTemplateEntries).optional(),
  })
  .refine((b) => (b.agenda === undefined || b.kind === 'agenda') && (b.raci === undefined || b.kind === 'raci') && (b.priorities === undefined || b.kind === 'prioritisation'), 'a board carries only its own kind of content');
export type TemplateBoard = z.infer<typeof TemplateBoard>;
export const Blueprint = z
  .strictObject({ boards: z.array(TemplateBoard).max(maxTemplateBoards), brief: linesText().max(20_000).optional() })
  .refine((b) => JSON.stringify(b).length <= maxBlueprintBytes, `a template holds at most ${maxBlueprintBytes / 1024} KiB`);
export type Blueprint = z.infer<typeof Blueprint>;

const boards = (...kinds: MethodKind[]): Blueprint => ({ boards: kinds.map((kind) => ({ kind })) });

/**
 * The catalogue's eight templates. Every activity has its SWOT board (the situation); a
 * template that names it only places it, and one that does not keeps it out of sight while it
 * is empty (`swotInSight`). Polls and the decision record live in the
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
      for (const item of board.priorities ?? []) addPriorityItem(doc, id, { id: newDocId(), ...item, author: by, at });
      if (board.raci) {
        setVariant(doc, id, board.raci.variant);
        for (const label of board.raci.columns) addRaciColumn(doc, id, newDocId(), label);
        for (const text of board.raci.tasks) addRaciTask(doc, id, { id: newDocId(), text, author: by, at });
      }
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

/**
 * Whether the work area shows the SWOT board every activity holds: when its template names it
 * (or the activity has no template order: blank, or made before templates), when a facilitator
 * showed it, or once it holds anything. A meeting's empty SWOT stays out of sight.
 */
export function swotInSight(doc: Y.Doc): boolean {
  const order = boardOrderOf(doc);
  return order.length === 0 || order.includes('swot') || swotShown(doc) || (swotItemsMap(doc)?.size ?? 0) > 0;
}

/**
 * An activity as a template: its boards' kinds in the order shown, and what they start from
 * (agenda items, a matrix's variant, columns and tasks, prioritisation items), and the brief.
 */
export function blueprintOf(doc: Y.Doc, brief = briefText(briefOf(doc))): Blueprint {
  return Blueprint.parse(blueprintDraft(doc, brief));
}

/** What `blueprintOf` gives, before its bounds are checked (the relay refuses a save past them). */
export function blueprintDraft(doc: Y.Doc, brief = briefText(briefOf(doc))): unknown {
  const order = boardOrderOf(doc);
  const rank = (kind: MethodKind) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  // A SWOT board out of sight is no board of the activity's to its people: it does not travel.
  const refs = listMethods(doc).filter((ref) => ref.kind !== 'swot' || swotInSight(doc)).sort((a, b) => rank(a.kind) - rank(b.kind));
  const out: TemplateBoard[] = refs.slice(0, maxTemplateBoards).map((ref) => contentOf(doc, ref.id, ref.kind));
  // One paragraph a line, written as the description is (blank lines between paragraphs).
  const paragraphs = brief.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).join('\n\n');
  const text = paragraphs ? paragraphs.slice(0, 20_000) : undefined;
  return { boards: out, ...(text ? { brief: text } : {}) };
}

function contentOf(doc: Y.Doc, id: string, kind: MethodKind): TemplateBoard {
  if (kind === 'agenda') {
    const items = readAgendaItems(doc, id).filter((i) => !i.parked).slice(0, maxTemplateAgendaItems);
    return { kind, agenda: items.map((i) => ({ text: i.text, minutes: i.minutes, ...(i.presenter ? { presenter: i.presenter } : {}) })) };
  }
  if (kind === 'raci') {
    const columns = readRaciColumns(doc, id).slice(0, maxTemplateEntries).map((c) => c.label);
    const tasks = readRaciTasks(doc, id).slice(0, maxTemplateEntries).map((t) => t.text);
    return { kind, raci: { variant: variantOf(doc, id), columns, tasks } };
  }
  if (kind === 'prioritisation') {
    const items = readPriorityItems(doc, id).slice(0, maxTemplateEntries);
    return { kind, priorities: items.map((i) => ({ text: i.text, impact: i.impact, effort: i.effort })) };
  }
  return { kind };
}
