import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deletedAt, deleteSetGrowth, DeleteSetSize, measureDeleteSet } from '../../../../server/sync/delete-set.ts';
import { judgeDeleteSet, type UpdateLimits } from '../../../../server/sync/judge.ts';
import { judgeContent } from '../../../../server/sync/rules/content.ts';

const limits = { maxDeleteSetBytes: 1_000, maxDeleteSetShareBytes: 500 } as UpdateLimits;
const author = { id: 'u-1', name: 'Ana', role: 'contributor' as const };

/** What a client's sync step 2 always carries: the whole delete set (and two bytes saying "no structs"). */
const encodedDeleteSet = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).length - 1;

/** The growth the room would judge for `update` against `doc`. */
function growthOf(doc: Y.Doc, update: Uint8Array, size = new DeleteSetSize()) {
  size.recount(doc);
  const verdict = judgeContent(update, doc, author);
  if (!verdict.allowed) throw new Error(verdict.reason);
  const { ranges, uncertainBytes } = verdict.leftDeleted;
  return deleteSetGrowth(ranges, (c, k) => deletedAt(doc, c, k), size.listed) + uncertainBytes;
}

/** Applies a change made on a replica of `doc`, returning the update it makes. */
function changeOf(doc: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(replica);
  change(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

describe('the delete set, as clients encode it (SPEC U14)', () => {
  it('is measured as Yjs encodes it', () => {
    const doc = new Y.Doc();
    const text = doc.getText('notes');
    text.insert(0, 'x'.repeat(5_000));
    for (let i = 0; i < 2_000; i++) text.delete(i, 1);
    doc.getArray('list').insert(0, [1, 2, 3]);
    doc.getArray('list').delete(1, 1);
    expect(measureDeleteSet(doc).bytes).toBe(encodedDeleteSet(doc));
  });

  it('bounds what an update adds: scattered deletions add, deletions between deleted neighbours add nothing', () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'x'.repeat(2_000));
    const scattered = changeOf(doc, (r) => r.transact(() => {
      for (let i = 0; i < 500; i++) r.getText('notes').delete(i, 1);
    }));
    const growth = growthOf(doc, scattered);
    const before = encodedDeleteSet(doc);
    Y.applyUpdate(doc, scattered);
    const after = encodedDeleteSet(doc) - before;
    expect(growth).toBeGreaterThanOrEqual(after);
    expect(growth).toBeLessThan(after + 10);
    // Everything between them now: the ranges join.
    const between = changeOf(doc, (r) => r.getText('notes').delete(0, 500));
    expect(growthOf(doc, between)).toBeLessThanOrEqual(4);
    Y.applyUpdate(doc, between);
    expect(encodedDeleteSet(doc)).toBeLessThan(20);
  });

  it('counts what Yjs deletes besides the ranges an update names: a shared type takes its scattered content along', () => {
    const doc = new Y.Doc();
    const a = doc.getMap('root').set('a', new Y.Array<number>());
    const b = doc.getMap('root').set('b', new Y.Array<number>());
    // One client's clocks alternate between the two arrays.
    for (let i = 0; i < 300; i++) {
      a.push([i]);
      b.push([i]);
    }
    const removal = changeOf(doc, (r) => r.getMap('root').delete('a'));
    const growth = growthOf(doc, removal);
    expect(encodedDeleteSet(doc)).toBeLessThan(10);
    Y.applyUpdate(doc, removal);
    // 300 scattered items and the array itself: about 300 ranges.
    expect(encodedDeleteSet(doc)).toBeGreaterThan(600);
    expect(growth).toBeGreaterThanOrEqual(encodedDeleteSet(doc) - 10);
  });

  it('counts placeholders (collected ranges) an update brings, which are deleted from the start', () => {
    const doc = new Y.Doc();
    const crafted = new Y.Doc();
    crafted.store.clients.set(7, [new Y.GC(Y.createID(7, 0), 5)]);
    const update = Y.encodeStateAsUpdate(crafted);
    expect(growthOf(doc, update)).toBeGreaterThanOrEqual(3);
  });

  it('judges: within both bounds taken; past the document or a contributor share refused 4422; a facilitator has no share', () => {
    expect(judgeDeleteSet(0, { total: 5_000, share: 5_000 }, 'contributor', limits)).toBeNull();
    expect(judgeDeleteSet(100, { total: 800, share: 300 }, 'contributor', limits)).toBeNull();
    const share = judgeDeleteSet(100, { total: 800, share: 450 }, 'contributor', limits);
    expect(share?.accept === false && share.refusal).toMatchObject({ rule: 'U14', close: { code: 4422 } });
    expect(judgeDeleteSet(100, { total: 800, share: 450 }, 'facilitator', limits)).toBeNull();
    const full = judgeDeleteSet(300, { total: 800, share: 0 }, 'facilitator', limits);
    expect(full?.accept === false && full.refusal.told).toMatch(/too scattered/);
  });

  it('keeps an upper bound between counts, and shares shrink with what a count gives back', () => {
    const doc = new Y.Doc();
    const text = doc.getText('notes');
    text.insert(0, 'x'.repeat(1_000));
    const size = new DeleteSetSize();
    size.recount(doc);
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      const ranges = new Map<number, { from: number; to: number }[]>();
      for (const [client, items] of tr.deleteSet.clients) ranges.set(client, items.map((d) => ({ from: d.clock, to: d.clock + d.len })));
      size.deleted('u-1', doc, ranges);
    });
    for (let i = 0; i < 100; i++) text.delete(i, 1);
    expect(size.total).toBeGreaterThanOrEqual(encodedDeleteSet(doc));
    const share = size.of('u-1');
    text.delete(0, 100);
    size.recount(doc);
    expect(size.total).toBe(encodedDeleteSet(doc));
    expect(size.of('u-1')).toBeLessThan(share);
  });
});
