import { describe, expect, it } from 'vitest';
import { boardMethodOf } from '#core/doc/board-methods';
import { methodsOf } from '#core/doc/methods';
import { addRaciBoard, addRaciColumn, addRaciTask, raciMethod, readRaciTasks, setRaciCell, setVariant } from '#core/doc/raci';
import { taskWarnings } from '#core/methods/raci';
import { replicaPair } from './replicas.ts';

const alice = { id: 'alice-000001', name: 'Alice' };
const at = new Date('2026-12-06T09:00:00Z');
const board = 'board-raci01';

function matrix() {
  return replicaPair((seed) => {
    addRaciBoard(seed, board, alice, at);
    addRaciColumn(seed, board, 'col-alice1', 'Alice');
    addRaciColumn(seed, board, 'col-legal1', 'Legal');
    addRaciTask(seed, board, { id: 'task-000001', text: 'Sign the lease', author: alice, at });
  });
}

describe('responsibility matrix in the document', () => {
  it('two people setting two cells of one task at once keep both; one cell set twice converges', () => {
    const { a, b, sync } = matrix();
    setRaciCell(a, board, 'task-000001', 'col-alice1', 'A');
    setRaciCell(b, board, 'task-000001', 'col-legal1', 'C');
    sync();
    expect(readRaciTasks(a, board)[0]!.cells).toEqual({ 'col-alice1': 'A', 'col-legal1': 'C' });
    setRaciCell(a, board, 'task-000001', 'col-legal1', 'R');
    setRaciCell(b, board, 'task-000001', 'col-legal1', 'I');
    sync();
    expect(readRaciTasks(a, board)).toEqual(readRaciTasks(b, board));
    expect(raciMethod.schema.safeParse(methodsOf(a).get(board)!.toJSON()).success).toBe(true);
  });

  it('warns per variant, and the record and table say so', () => {
    const { a } = matrix();
    setRaciCell(a, board, 'task-000001', 'col-alice1', 'A');
    setRaciCell(a, board, 'task-000001', 'col-legal1', 'A');
    const method = boardMethodOf('raci')!;
    expect(method.record!(a, board, 'en')).toEqual({ title: 'RACI matrix', lines: ['Sign the lease: A Alice, A Legal (more than one A)'] });
    setRaciCell(a, board, 'task-000001', 'col-legal1', '');
    setVariant(a, board, 'daci');
    expect(method.record!(a, board, 'fr')).toEqual({ title: 'Matrice DACI', lines: ['Sign the lease: A Alice (aucun D)'] });
    expect(taskWarnings(readRaciTasks(a, board)[0]!, [], 'raci')).toEqual([{ letter: 'A', problem: 'none' }]);
    expect(method.table!(a, board)).toEqual([['id', 'task', 'Alice', 'Legal'], ['task-000001', 'Sign the lease', 'A', '']]);
    expect(() => setRaciCell(a, board, 'task-000001', 'col-legal1', 'X' as never)).toThrow();
  });

  it('a cell takes only its variant’s letters; letters of another variant are kept but not read', () => {
    const { a } = matrix();
    expect(() => setRaciCell(a, board, 'task-000001', 'col-alice1', 'S')).toThrow();
    setVariant(a, board, 'rasic');
    setRaciCell(a, board, 'task-000001', 'col-alice1', 'S');
    setRaciCell(a, board, 'task-000001', 'col-legal1', 'A');
    setVariant(a, board, 'raci');
    expect(readRaciTasks(a, board)[0]!.cells).toEqual({ 'col-legal1': 'A' });
    expect(boardMethodOf('raci')!.table!(a, board)).toEqual([['id', 'task', 'Alice', 'Legal'], ['task-000001', 'Sign the lease', '', 'A']]);
    setVariant(a, board, 'rasic');
    expect(readRaciTasks(a, board)[0]!.cells).toEqual({ 'col-alice1': 'S', 'col-legal1': 'A' });
  });
});
