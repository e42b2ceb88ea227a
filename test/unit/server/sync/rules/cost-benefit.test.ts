import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCostBenefitBoard, addCostBenefitLine, addCostOption, deleteCostBenefitLine, editCostBenefitLine, setHorizon } from '#core/doc/cost-benefit';
import { cid, edit, entryMap, fay, me, ola, roomDoc } from './judge-support.ts';

const at = new Date('2026-12-06T09:00:00Z');

function withLine() {
  const room = roomDoc();
  expect(edit(room, fay, (d) => addCostBenefitBoard(d, 'board-cost1', me(fay), at))).toBe('allowed');
  expect(edit(room, fay, (d) => void addCostOption(d, 'board-cost1', 'option-till', 'New till'))).toBe('allowed');
  const line = { id: 'line-000001', optionId: 'option-till', side: 'cost' as const, label: 'Till', amount: 120_000, currency: 'EUR', probability: 100, recurrence: 'once' as const, author: me(cid), at };
  expect(edit(room, cid, (d) => void addCostBenefitLine(d, 'board-cost1', line))).toBe('allowed');
  return room;
}

describe('cost/benefit on the relay (SPEC W5, W15)', () => {
  it("the app's own edits are allowed: options and horizon the facilitator's, lines anyone's", () => {
    const room = withLine();
    expect(edit(room, ola, (d) => editCostBenefitLine(d, 'board-cost1', 'line-000001', { amount: 99_000, probability: 60 }, me(ola), at))).toBe('allowed');
    expect(edit(room, fay, (d) => setHorizon(d, 'board-cost1', 24))).toBe('allowed');
    expect(edit(room, cid, (d) => deleteCostBenefitLine(d, 'board-cost1', 'line-000001'))).toBe('allowed');
  });

  it('W5: a contributor adds no option and sets no horizon', () => {
    const room = withLine();
    expect(edit(room, cid, (d) => void addCostOption(d, 'board-cost1', 'option-wait', 'Wait'))).toBe('W5');
    expect(edit(room, cid, (d) => setHorizon(d, 'board-cost1', 24))).toBe('W5');
  });

  it('W15: amounts whole and bounded, a probability from 0 to 100, an ISO currency, a known side and recurrence', () => {
    const room = withLine();
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'board-cost1', 'line-000001').set(field, value);
    for (const [field, value] of [
      ['amount', -1],
      ['amount', 10.5],
      ['amount', 1e13],
      ['probability', 101],
      ['currency', 'euro'],
      ['side', 'maybe'],
      ['recurrence', 'daily'],
      ['note', 'hidden'],
    ] as const) {
      expect(edit(room, ola, set(field, value)), `${field}=${value}`).toBe('W15');
    }
    expect(edit(room, ola, set('probability', 0))).toBe('allowed');
  });
});

describe('cost/benefit values on the relay (SPEC W15): finite numbers in range, options, horizon', () => {
  const board = (d: Y.Doc) => d.getMap('methods').get('board-cost1') as Y.Map<unknown>;

  it('amounts and probabilities are finite whole numbers in range', () => {
    const room = withLine();
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'board-cost1', 'line-000001').set(field, value);
    for (const [field, value] of [
      ['amount', Number.NaN],
      ['amount', Number.POSITIVE_INFINITY],
      ['amount', '120000'],
      ['probability', Number.NaN],
      ['probability', -1],
      ['probability', 99.5],
    ] as const) {
      expect(edit(room, ola, set(field, value)), `${field}=${String(value)}`).toBe('W15');
    }
  });

  it('the horizon is whole months from 1 to 600, one plain value, facilitators’ too', () => {
    const room = withLine();
    for (const value of [0, 601, 12.5, Number.NaN, Number.POSITIVE_INFINITY, '12', null]) {
      expect(edit(room, fay, (d) => board(d).set('horizonMonths', value)), String(value)).toBe('W15');
    }
    expect(edit(room, fay, (d) => setHorizon(d, 'board-cost1', 600))).toBe('allowed');
  });

  it('an option is a label of 1 to 200 characters and an order; nothing else, facilitators’ too', () => {
    const room = withLine();
    const set = (field: string, value: unknown) => (d: Y.Doc) => entryMap(d, 'board-cost1', 'option-till', 'options').set(field, value);
    for (const [field, value] of [
      ['label', ''],
      ['label', 'x'.repeat(201)],
      ['order', Number.POSITIVE_INFINITY],
      ['price', 3],
    ] as const) {
      expect(edit(room, fay, set(field, value)), `${field}=${String(value)}`).toBe('W15');
    }
    expect(edit(room, fay, (d) => (board(d).get('options') as Y.Map<unknown>).set('option-flat', 7))).toBe('W15');
    expect(edit(room, fay, set('label', 'New tills'))).toBe('allowed');
  });
});
