import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../../server/store/group-commit.ts';

/**
 * A commit that takes its items at once, then takes an event-loop turn to write them; it
 * records each batch. `fail` makes a batch containing that item throw.
 */
function recorder(fail?: number) {
  const batches: number[][] = [];
  const commit = async (take: () => number[]) => {
    const items = take();
    batches.push(items);
    await new Promise((resolve) => setImmediate(resolve));
    if (fail !== undefined && items.includes(fail)) throw new Error(`item ${fail} refused`);
    return items.map((n) => n * 10);
  };
  return { batches, commit };
}

describe('GroupCommit, the one group-commit helper (update log, SMS queue, receipts)', () => {
  it('items added while a commit runs go together in the next one; each caller gets its own result', async () => {
    const r = recorder();
    const group = new GroupCommit(r.commit, { onFailure: 'reject' });
    const first = group.add(1);
    const later = [group.add(2), group.add(3), group.add(4)];
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('joinTurn: items added in the same event-loop turn join the first commit', async () => {
    const r = recorder();
    const group = new GroupCommit(r.commit, { onFailure: 'reject', joinTurn: true });
    const results = await Promise.all([group.add(1), group.add(2), group.add(3)]);
    expect(results).toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('maxBatch bounds each commit; Infinity takes everything waiting', async () => {
    const bounded = recorder();
    const small = new GroupCommit(bounded.commit, { onFailure: 'reject', maxBatch: 2, joinTurn: true });
    await Promise.all([1, 2, 3, 4, 5].map((n) => small.add(n)));
    expect(bounded.batches).toEqual([[1, 2], [3, 4], [5]]);
    const all = recorder();
    const unbounded = new GroupCommit(all.commit, { onFailure: 'reject', maxBatch: Infinity, joinTurn: true });
    await Promise.all(Array.from({ length: 1200 }, (_, i) => unbounded.add(i)));
    expect(all.batches.map((b) => b.length)).toEqual([1200]);
  });

  it("'reject' fails every item of a failed commit, and the next commit goes on", async () => {
    const r = recorder(2);
    const group = new GroupCommit(r.commit, { onFailure: 'reject', joinTurn: true });
    const settled = await Promise.allSettled([group.add(1), group.add(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(await group.add(3)).toBe(30);
  });

  it("'retry-each' commits each item of a failed commit alone: only the bad one fails", async () => {
    const r = recorder(2);
    const group = new GroupCommit(r.commit, { onFailure: 'retry-each', joinTurn: true });
    const settled = await Promise.allSettled([group.add(1), group.add(2), group.add(3)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('flush resolves once everything added so far is committed', async () => {
    const r = recorder();
    const group = new GroupCommit(r.commit, { onFailure: 'reject' });
    const done: number[] = [];
    for (const n of [1, 2, 3]) void group.add(n).then((v) => done.push(v));
    await group.flush();
    expect(done).toEqual([10, 20, 30]);
  });
});
