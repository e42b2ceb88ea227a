import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAgendaItem, listAgendaBoards, readAgendaItems, setAgendaField } from '#core/doc/agenda';
import { listMethods } from '#core/doc/board-methods';
import { metaOf } from '#core/doc/schema';
import { seedDocument } from '#core/doc/seed';
import { applyBlueprint, Blueprint, blueprintOf, boardOrderOf, builtInTemplateIds, builtInTemplates } from '#core/doc/templates';

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
    setAgendaField(doc, agenda, 'item-budget1', { notes: 'Private notes' }, fay, at);
    const blueprint = blueprintOf(doc);
    expect(blueprint.boards.map((b) => b.kind)).toEqual(['agenda', 'action-items', 'swot']);
    expect(blueprint.boards[0]!.agenda).toEqual([{ text: 'Budget', minutes: 10, presenter: 'Fay' }]);
    const copy = seeded(blueprint);
    expect(readAgendaItems(copy, listAgendaBoards(copy)[0]!).map((i) => [i.text, i.minutes, i.notes])).toEqual([['Budget', 10, undefined]]);
  });

  it('reads an order it does not understand as none', () => {
    const doc = seeded(builtInTemplates.blank);
    expect(boardOrderOf(doc)).toEqual([]);
    metaOf(doc).set('boardOrder', ['agenda', 'nonsense', 42, 'agenda']);
    expect(boardOrderOf(doc)).toEqual(['agenda']);
  });
});
