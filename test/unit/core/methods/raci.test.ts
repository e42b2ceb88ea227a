import { describe, expect, it } from 'vitest';
import { raciTaskField, readRaciTask, taskWarnings } from '#core/methods/raci';

const columns = ['col-000001', 'col-000002', 'col-000003'].map((id, i) => ({ id, label: `C${i}`, order: `a${i}` }));
const task = (cells: Record<string, string>) =>
  readRaciTask({ id: 'task-000001', text: 'Sign lease', order: 'a0', authorId: 'alice-000001', authorName: 'Alice', createdAt: '2026-12-06T09:00:00Z', ...Object.fromEntries(Object.entries(cells).map(([k, v]) => [`cell:${k}`, v])) })!;

describe('RACI maths', () => {
  it('warns when a task has no A, or more than one, and D and A in DACI', () => {
    expect(taskWarnings(task({ 'col-000001': 'R', 'col-000002': 'A' }), columns, 'raci')).toEqual([]);
    expect(taskWarnings(task({ 'col-000001': 'R' }), columns, 'raci')).toEqual([{ letter: 'A', problem: 'none' }]);
    expect(taskWarnings(task({ 'col-000001': 'A', 'col-000002': 'A' }), columns, 'rasic')).toEqual([{ letter: 'A', problem: 'many' }]);
    expect(taskWarnings(task({ 'col-000001': 'A' }), columns, 'daci')).toEqual([{ letter: 'D', problem: 'none' }]);
    // A cell of a removed column does not count.
    expect(taskWarnings(task({ 'col-000001': 'A', 'col-gone01': 'A' }), columns, 'raci')).toEqual([]);
  });

  it('reads cells and judges a task field: a letter in a cell, its own schema otherwise', () => {
    expect(task({ 'col-000001': 'C', 'col-000002': 'X' }).cells).toEqual({ 'col-000001': 'C' });
    expect(raciTaskField('cell:col-000001')!.safeParse('A').success).toBe(true);
    expect(raciTaskField('cell:col-000001')!.safeParse('').success).toBe(true);
    expect(raciTaskField('cell:col-000001')!.safeParse('X').success).toBe(false);
    expect(raciTaskField('cell:../x')).toBeNull();
    expect(raciTaskField('colour')).toBeNull();
    expect(raciTaskField('text')!.safeParse('x'.repeat(301)).success).toBe(false);
  });
});
