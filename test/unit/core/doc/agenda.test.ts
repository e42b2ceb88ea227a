import { describe, expect, it } from 'vitest';
import { addAgendaBoard, addAgendaDecision, addAgendaItem, agendaMethod, deleteAgendaDecision, nextAgendaStep, pauseAgenda, readAgendaDecisions, readAgendaItems, readAgendaTimer, setAgendaDecisionStatus, setAgendaField, startAgendaItem, stopAgenda } from '#core/doc/agenda';
import { typeAgendaNotes } from '#core/doc/agenda-notes';
import { boardMethodOf } from '#core/doc/board-methods';
import { methodsOf } from '#core/doc/methods';
import { replicaPair } from './replicas.ts';

const alice = { id: 'alice-000001', name: 'Alice' };
const bruno = { id: 'bruno-000001', name: 'Bruno' };
const at = (s: number) => new Date(Date.parse('2026-12-06T09:00:00Z') + s * 1000);
const board = 'board-agenda1';

function agenda() {
  return replicaPair((seed) => {
    addAgendaBoard(seed, board, alice, at(0));
    addAgendaItem(seed, board, { id: 'item-budget1', text: 'Budget', minutes: 10, presenter: 'Alice', author: alice, at: at(0) });
    addAgendaItem(seed, board, { id: 'item-hiring1', text: 'Hiring', minutes: 5, author: alice, at: at(0) });
  });
}

describe('agenda in the document', () => {
  it('two people changing one item at once keep both changes, and converge', () => {
    const { a, b, sync } = agenda();
    setAgendaField(a, board, 'item-budget1', { minutes: 15 }, alice, at(1));
    typeAgendaNotes(b, board, 'item-budget1', 'Ask finance');
    addAgendaItem(b, board, { id: 'item-lunch01', text: 'Lunch', minutes: 30, author: bruno, at: at(1) });
    setAgendaField(a, board, 'item-hiring1', { parked: true }, alice, at(1));
    sync();
    expect(readAgendaItems(a, board)).toEqual(readAgendaItems(b, board));
    const [budget, hiring] = readAgendaItems(a, board);
    expect(budget).toMatchObject({ minutes: 15, notes: 'Ask finance', presenter: 'Alice' });
    expect(hiring).toMatchObject({ parked: true });
    expect(agendaMethod.schema.safeParse(methodsOf(a).get(board)!.toJSON()).success).toBe(true);
  });

  it('the timer moves on, keeps the time each item took, resumes where it was, and everyone reads the same', () => {
    const { a, b, sync } = agenda();
    expect(nextAgendaStep(a, board, at(0))).toBe(true);
    sync();
    expect(readAgendaTimer(b, board)).toEqual({ itemId: 'item-budget1', startedAt: at(0).toISOString(), elapsedMs: 0 });
    pauseAgenda(a, board, at(60));
    startAgendaItem(a, board, 'item-budget1', at(100));
    nextAgendaStep(a, board, at(700));
    sync();
    expect(readAgendaItems(b, board)[0]!.spentMs).toBe(660_000);
    expect(readAgendaTimer(b, board)).toMatchObject({ itemId: 'item-hiring1', elapsedMs: 0 });
    startAgendaItem(a, board, 'item-budget1', at(800));
    expect(readAgendaTimer(a, board)).toMatchObject({ itemId: 'item-budget1', elapsedMs: 660_000 });
    expect(readAgendaItems(a, board)[1]!.spentMs).toBe(100_000);
    nextAgendaStep(a, board, at(810));
    expect(nextAgendaStep(a, board, at(820))).toBe(false);
    expect(readAgendaTimer(a, board)).toMatchObject({ itemId: 'item-hiring1', startedAt: null, elapsedMs: 110_000 });
    stopAgenda(a, board, at(900));
    sync();
    expect(readAgendaTimer(b, board)).toBeNull();
  });

  it('the record and the table list the agenda, then the parking lot, in English and French', () => {
    const { a } = agenda();
    nextAgendaStep(a, board, at(0));
    nextAgendaStep(a, board, at(754));
    setAgendaField(a, board, 'item-hiring1', { parked: true }, alice, at(760));
    const method = boardMethodOf('agenda')!;
    expect(method.record!(a, board, 'en')).toEqual({ title: 'Agenda', lines: ['1. Budget (10 min, Alice): took 12:34', 'Parking lot: Hiring'] });
    expect(method.record!(a, board, 'fr')!.title).toBe('Ordre du jour');
    expect(method.table!(a, board)[1]).toEqual(['item-budget1', 'Budget', 10, 'Alice', 754, '', '', '']);
  });
});

describe('decisions taken from the agenda', () => {
  it('the facilitator records a decision or a proposal on an item; two at once both stay; the record, Markdown/PDF lines and CSV carry them under their item', () => {
    const { a, b, sync } = agenda();
    addAgendaDecision(a, board, { id: 'decision-0001', itemId: 'item-budget1', text: 'Keep the 2027 budget', status: 'decided', author: alice, at: at(1) });
    addAgendaDecision(b, board, { id: 'decision-0002', itemId: 'item-hiring1', text: 'Hire two sellers', status: 'proposed', author: alice, at: at(2) });
    sync();
    expect(readAgendaDecisions(a, board)).toEqual(readAgendaDecisions(b, board));
    expect(readAgendaDecisions(a, board).map((d) => [d.itemId, d.status, d.text])).toEqual([
      ['item-budget1', 'decided', 'Keep the 2027 budget'],
      ['item-hiring1', 'proposed', 'Hire two sellers'],
    ]);
    setAgendaDecisionStatus(b, board, 'decision-0002', 'decided', alice, at(3));
    sync();
    expect(readAgendaDecisions(a, board)[1]).toMatchObject({ status: 'decided', editedBy: alice.id });
    addAgendaDecision(a, board, { id: 'decision-0003', itemId: 'item-hiring1', text: 'Ask HR for a budget', status: 'proposed', author: alice, at: at(4) });
    expect(agendaMethod.schema.safeParse(methodsOf(a).get(board)!.toJSON()).success).toBe(true);
    const method = boardMethodOf('agenda')!;
    expect(method.record!(a, board, 'en')!.lines).toEqual([
      '1. Budget (10 min, Alice)',
      'Decision (Budget): Keep the 2027 budget',
      '2. Hiring (5 min)',
      'Decision (Hiring): Hire two sellers',
      'Proposal (Hiring): Ask HR for a budget',
    ]);
    expect(method.record!(a, board, 'fr')!.lines[1]).toBe('Décision (Budget) : Keep the 2027 budget');
    expect(method.record!(a, board, 'fr')!.lines[4]).toBe('Proposition (Hiring) : Ask HR for a budget');
    const table = method.table!(a, board);
    expect(table[0]).toEqual(['id', 'item', 'minutes', 'presenter', 'spentSeconds', 'parked', 'notes', 'decisions']);
    expect(table[2]![7]).toBe('decided: Hire two sellers\nproposed: Ask HR for a budget');
    expect(deleteAgendaDecision(a, board, 'decision-0003')).toBe(true);
    expect(readAgendaDecisions(a, board)).toHaveLength(2);
  });

  it('a decision names an item of the agenda and has some text of at most 2,000 characters', () => {
    const { a } = agenda();
    const decision = { id: 'decision-0001', itemId: 'item-budget1', status: 'decided' as const, author: alice, at: at(1) };
    expect(() => addAgendaDecision(a, board, { ...decision, text: ' ' })).toThrow();
    expect(() => addAgendaDecision(a, board, { ...decision, text: 'x'.repeat(2001) })).toThrow();
    expect(() => addAgendaDecision(a, board, { ...decision, itemId: 'item-unknown', text: 'Yes' })).toThrow();
  });
});
