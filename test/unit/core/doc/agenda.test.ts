import { describe, expect, it } from 'vitest';
import { addAgendaBoard, addAgendaItem, agendaMethod, nextAgendaStep, pauseAgenda, readAgendaItems, readAgendaTimer, setAgendaField, startAgendaItem, stopAgenda } from '#core/doc/agenda';
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
    setAgendaField(b, board, 'item-budget1', { notes: 'Ask finance' }, bruno, at(1));
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
    expect(method.table!(a, board)[1]).toEqual(['item-budget1', 'Budget', 10, 'Alice', 754, '', '']);
  });
});
