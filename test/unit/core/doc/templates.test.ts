import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAgendaItem, listAgendaBoards, readAgendaItems, setAgendaField } from '#core/doc/agenda';
import { typeAgendaNotes } from '#core/doc/agenda-notes';
import { listMethods } from '#core/doc/board-methods';
import { metaOf } from '#core/doc/schema';
import { seedDocument } from '#core/doc/seed';
import { applyBlueprint, Blueprint, blueprintOf, boardOrderOf, builtInTemplateIds, builtInTemplates, maxTemplateEntries, swotInSight } from '#core/doc/templates';
import { addSwotItem, deleteSwotItem, showSwot } from '#core/doc/swot';
import { addRaciColumn, addRaciTask, listRaciBoards, readRaciColumns, readRaciTasks, setRaciCell, setVariant, variantOf } from '#core/doc/raci';
import { addPriorityItem, listPrioritisationBoards, readPriorityItems } from '#core/doc/prioritisation';

const fay = { id: 'facilitator-fay', name: 'Fay' };
const at = new Date('2026-12-06T09:00:00Z');

function seeded(blueprint: Blueprint) {
  const doc = new Y.Doc();
  seedDocument(doc, at);
  applyBlueprint(doc, blueprint, fay, at);
  return doc;
}

describe('activity templates', () => {
  it('the catalogue has its eight templates, each a valid blueprint', () => {
    expect(builtInTemplateIds).toEqual(['blank', 'prioritisation', 'project-planning', 'decision', 'decision-basic', 'discussion', 'meeting']);
    for (const id of builtInTemplateIds) expect(Blueprint.safeParse(builtInTemplates[id]).success).toBe(true);
  });

  it('a meeting starts with an agenda and action items, in that order, beside the SWOT board every activity has', () => {
    const doc = seeded(builtInTemplates.meeting);
    expect(listMethods(doc).map((m) => m.kind).sort()).toEqual(['action-items', 'agenda', 'swot']);
    expect(boardOrderOf(doc)).toEqual(['agenda', 'action-items']);
  });

  it('a SWOT board the template does not name stays out of sight while empty, until a facilitator shows it; one with content always shows', () => {
    const doc = seeded(builtInTemplates.meeting);
    expect(swotInSight(doc)).toBe(false);
    addSwotItem(doc, { id: 'swot-item-01', quadrant: 'strengths', text: 'Loyal customers', author: fay, at });
    expect(swotInSight(doc)).toBe(true);
    deleteSwotItem(doc, 'swot-item-01');
    expect(swotInSight(doc)).toBe(false);
    showSwot(doc);
    expect(swotInSight(doc)).toBe(true);
    expect(blueprintOf(doc).boards.map((b) => b.kind)).toEqual(['agenda', 'action-items', 'swot']);
    // Templates that name it, a blank activity and one made before templates show it empty.
    expect(swotInSight(seeded(builtInTemplates.decision))).toBe(true);
    expect(swotInSight(seeded(builtInTemplates.discussion))).toBe(true);
    expect(swotInSight(seeded(builtInTemplates.blank))).toBe(true);
  });

  it('a full decision places the SWOT board first and makes no second one', () => {
    const doc = seeded(builtInTemplates.decision);
    expect(listMethods(doc).filter((m) => m.kind === 'swot')).toHaveLength(1);
    expect(boardOrderOf(doc)).toEqual(['swot', 'pros-cons', 'cost-benefit', 'raci', 'action-items']);
  });

  it('an activity saved as a template keeps its boards in order and its agenda’s items, not what was parked or written elsewhere', () => {
    const doc = seeded(builtInTemplates.meeting);
    const agenda = listAgendaBoards(doc)[0]!;
    addAgendaItem(doc, agenda, { id: 'item-budget1', text: 'Budget', minutes: 10, presenter: 'Fay', author: fay, at });
    addAgendaItem(doc, agenda, { id: 'item-hiring1', text: 'Hiring', minutes: 5, author: fay, at });
    setAgendaField(doc, agenda, 'item-hiring1', { parked: true }, fay, at);
    typeAgendaNotes(doc, agenda, 'item-budget1', 'Private notes');
    const blueprint = blueprintOf(doc);
    // The meeting's SWOT board, empty and not among its template's, does not travel either.
    expect(blueprint.boards.map((b) => b.kind)).toEqual(['agenda', 'action-items']);
    expect(blueprint.boards[0]!.agenda).toEqual([{ text: 'Budget', minutes: 10, presenter: 'Fay' }]);
    const copy = seeded(blueprint);
    expect(readAgendaItems(copy, listAgendaBoards(copy)[0]!).map((i) => [i.text, i.minutes, i.notes])).toEqual([['Budget', 10, '']]);
  });

  it('reads an order it does not understand as none', () => {
    const doc = seeded(builtInTemplates.blank);
    expect(boardOrderOf(doc)).toEqual([]);
    metaOf(doc).set('boardOrder', ['agenda', 'nonsense', 42, 'agenda']);
    expect(boardOrderOf(doc)).toEqual(['agenda']);
  });

  it('keeps the content the organisation chose: a matrix’s variant, role columns and tasks, prioritisation items, the brief', () => {
    const doc = seeded({ boards: [{ kind: 'raci' }, { kind: 'prioritisation' }] });
    const raci = listRaciBoards(doc)[0]!;
    setVariant(doc, raci, 'daci');
    addRaciColumn(doc, raci, 'col-legal01', 'Legal');
    addRaciColumn(doc, raci, 'col-fay0001', 'Fay', fay.id);
    addRaciTask(doc, raci, { id: 'task-sign01', text: 'Sign the lease', author: fay, at });
    setRaciCell(doc, raci, 'task-sign01', 'col-legal01', 'A');
    const prio = listPrioritisationBoards(doc)[0]!;
    addPriorityItem(doc, prio, { id: 'prio-item01', text: 'Faster checkout', impact: 80, effort: 20, author: fay, at });
    const blueprint = blueprintOf(doc, 'Why we meet.\nWhat we settle.');
    expect(blueprint.brief).toBe('Why we meet.\n\nWhat we settle.');
    expect(blueprint.boards).toEqual([
      { kind: 'raci', raci: { variant: 'daci', columns: ['Legal', 'Fay'], tasks: ['Sign the lease'] } },
      { kind: 'prioritisation', priorities: [{ text: 'Faster checkout', impact: 80, effort: 20 }] },
    ]);
    const copy = seeded(blueprint);
    const raciCopy = listRaciBoards(copy)[0]!;
    expect(variantOf(copy, raciCopy)).toBe('daci');
    expect(readRaciColumns(copy, raciCopy).map((c) => [c.label, c.personId])).toEqual([['Legal', undefined], ['Fay', undefined]]);
    expect(readRaciTasks(copy, raciCopy).map((t) => [t.text, t.cells, t.authorId])).toEqual([['Sign the lease', {}, fay.id]]);
    expect(readPriorityItems(copy, listPrioritisationBoards(copy)[0]!).map((i) => [i.text, i.impact, i.effort])).toEqual([['Faster checkout', 80, 20]]);
  });

  it('is bounded: too many entries, entries out of bounds, or more than 64 KiB in all are refused', () => {
    const task = 'x'.repeat(300);
    expect(Blueprint.safeParse({ boards: [{ kind: 'raci', raci: { variant: 'raci', columns: [], tasks: Array(maxTemplateEntries + 1).fill('Task') } }] }).success).toBe(false);
    expect(Blueprint.safeParse({ boards: [{ kind: 'raci', raci: { variant: 'xyz', columns: [], tasks: [] } }] }).success).toBe(false);
    expect(Blueprint.safeParse({ boards: [{ kind: 'prioritisation', priorities: [{ text: 'A', impact: 101, effort: 0 }] }] }).success).toBe(false);
    expect(Blueprint.safeParse({ boards: [{ kind: 'prioritisation', priorities: [{ text: 'A', impact: Number.NaN, effort: 0 }] }] }).success).toBe(false);
    expect(Blueprint.safeParse({ boards: [{ kind: 'swot', raci: { variant: 'raci', columns: [], tasks: [] } }] }).success).toBe(false);
    expect(Blueprint.safeParse({ boards: [], brief: 'x'.repeat(20_001) }).success).toBe(false);
    const big = { boards: Array.from({ length: 5 }, () => ({ kind: 'raci', raci: { variant: 'raci', columns: [], tasks: Array(maxTemplateEntries).fill(task) } })) };
    expect(Blueprint.safeParse(big).success).toBe(false);
    expect(Blueprint.safeParse({ boards: big.boards.slice(0, 1) }).success).toBe(true);
  });
});
