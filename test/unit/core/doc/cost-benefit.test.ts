import { describe, expect, it } from 'vitest';
import { boardMethodOf } from '#core/doc/board-methods';
import { methodsOf } from '#core/doc/methods';
import {
  addCostBenefitBoard,
  addCostBenefitLine,
  addCostOption,
  costBenefitFigures,
  costBenefitMethod,
  deleteCostBenefitLine,
  editCostBenefitLine,
  readCostBenefitLines,
  removeCostOption,
  setHorizon,
} from '#core/doc/cost-benefit';
import { replicaPair } from './replicas.ts';

const alice = { id: 'alice-000001', name: 'Alice' };
const bruno = { id: 'bruno-000001', name: 'Bruno' };
const at = new Date('2026-12-06T09:00:00Z');
const board = 'board-cost01';
const base = { side: 'cost' as const, currency: 'EUR', probability: 100, recurrence: 'once' as const, author: alice, at };

function withTill() {
  return replicaPair((seed) => {
    addCostBenefitBoard(seed, board, alice, at);
    addCostOption(seed, board, 'option-till', 'New till');
    addCostBenefitLine(seed, board, { ...base, id: 'line-000001', optionId: 'option-till', label: 'Till', amount: 1_200_000 });
  });
}

describe('cost/benefit board in the document', () => {
  it('adds, edits and removes lines and options; figures follow; the board matches its schema', () => {
    const { a } = withTill();
    addCostBenefitLine(a, board, { ...base, id: 'line-000002', optionId: 'option-till', side: 'benefit', label: 'Shorter queues', amount: 300_000, probability: 50, recurrence: 'monthly' });
    expect(costBenefitFigures(a, board)).toEqual([{ optionId: 'option-till', label: 'New till', currency: 'EUR', costs: 1_200_000, benefits: 1_800_000, net: 600_000, paybackMonths: 8 }]);
    editCostBenefitLine(a, board, 'line-000002', { probability: 100 }, bruno, at);
    setHorizon(a, board, 6);
    expect(costBenefitFigures(a, board)[0]).toMatchObject({ benefits: 1_800_000, net: 600_000, paybackMonths: 4 });
    expect(() => editCostBenefitLine(a, board, 'line-000002', { probability: 101 }, bruno, at)).toThrow();
    expect(() => editCostBenefitLine(a, board, 'line-000002', { currency: 'euro' }, bruno, at)).toThrow();
    expect(costBenefitMethod.schema.safeParse(methodsOf(a).get(board)!.toJSON()).success).toBe(true);
    expect(deleteCostBenefitLine(a, board, 'line-000002')).toBe(true);
    removeCostOption(a, board, 'option-till');
    expect(readCostBenefitLines(a, board)).toEqual([]);
  });

  it('converges when two people change one line at once, and one adds to an option the other removes', () => {
    const { a, b, sync } = withTill();
    editCostBenefitLine(a, board, 'line-000001', { amount: 1_000_000 }, alice, at);
    editCostBenefitLine(b, board, 'line-000001', { probability: 80, label: 'Till and printer' }, bruno, at);
    sync();
    expect(readCostBenefitLines(a, board)).toEqual(readCostBenefitLines(b, board));
    expect(readCostBenefitLines(a, board)[0]).toMatchObject({ amount: 1_000_000, probability: 80, label: 'Till and printer' });
    addCostOption(a, board, 'option-wait', 'Wait');
    sync();
    addCostBenefitLine(a, board, { ...base, id: 'line-000003', optionId: 'option-wait', label: 'Repairs', amount: 50_000 });
    removeCostOption(b, board, 'option-wait');
    sync();
    expect(costBenefitFigures(a, board)).toEqual(costBenefitFigures(b, board));
    expect(costBenefitFigures(a, board).map((f) => f.optionId)).toEqual(['option-till']);
  });

  it('tells the record in English and French and gives its table', () => {
    const { a } = withTill();
    addCostBenefitLine(a, board, { ...base, id: 'line-000002', optionId: 'option-till', side: 'benefit', label: 'Sales', amount: 200_000, recurrence: 'monthly' });
    const method = boardMethodOf('cost-benefit')!;
    expect(method.record!(a, board, 'en')).toEqual({
      title: 'Cost/benefit (over 12 months)',
      lines: ['New till (EUR): costs €12,000.00, benefits €24,000.00, expected net €12,000.00, payback in 6 months'],
    });
    expect(method.record!(a, board, 'fr')!.lines[0]!.replace(/\u00a0/g, ' ')).toBe('New till (EUR) : coûts 12 000,00 €, bénéfices 24 000,00 €, valeur nette attendue 12 000,00 €, retour en 6 mois');
    expect(method.table!(a, board)[1]).toEqual(['line-000001', 'New till', 'cost', 'Till', 1_200_000, 'EUR', 100, 'once', 'Alice', at.toISOString()]);
  });
});
