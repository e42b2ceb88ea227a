import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, removeComment } from '#core/doc/comments';
import { RebuildPool, RebuildQueueFull, RebuildShareFull, type Feed } from '../../../../server/history/rebuild-pool.ts';
import { packUpdates, type LoggedUpdate, type UpdateBatch } from '../../../../server/history/update-batch.ts';

const bob = { id: 'bob-contributor-0001', name: 'Bob Martin' };
const at = new Date('2026-12-01T10:00:00Z');

/** 40 comments by Bob, then he removes them one by one: the moment and the log after it. */
function history() {
  const doc = new Y.Doc();
  const log: LoggedUpdate[] = [];
  doc.on('update', (data: Uint8Array) => log.push({ userId: bob.id, data }));
  for (let i = 0; i < 40; i++) addComment(doc, { id: `comment-${i}`, author: bob, at, body: '{"root":{}}', text: `point ${i}`, mentions: [] });
  const moment = log.length;
  for (let i = 0; i < 40; i++) removeComment(doc, `comment-${i}`, bob, at);
  return { checkpoint: null, updates: log.slice(0, moment).map((u) => u.data), after: log.slice(moment) };
}

/** Feeds `after` in batches of `size`, keeping each batch sent. */
function feeder(after: LoggedUpdate[], size: number) {
  const sent: UpdateBatch[] = [];
  let i = 0;
  const feed = () => {
    if (i >= after.length) return Promise.resolve(null);
    const batch = { ...packUpdates(after.slice(i, (i += size))), since: true };
    sent.push(batch);
    return Promise.resolve(batch);
  };
  return { feed, sent };
}

const plenty = { steps: 1_000_000, ms: 60_000 };

describe('the history thread fed the log in batches (SPEC H5)', () => {
  const pool = new RebuildPool();
  afterAll(() => pool.close());

  it('H4: a removals job fed batch by batch finds every removal, each batch handed over by transfer', async () => {
    const { checkpoint, updates, after } = history();
    const { feed, sent } = feeder(after, 7);
    const result = await pool.run({ kind: 'removals', checkpoint, updates, budget: plenty }, bob.id, feed);
    expect(result.kind).toBe('removals');
    if (result.kind !== 'removals') return;
    expect(result.applied).toBe(40);
    expect(result.removed?.map(([path]) => path).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `comments/comment-${i}`).sort());
    expect(result.removed?.every(([, by]) => by === bob.id)).toBe(true);
    expect(sent).toHaveLength(6);
    // Transferred, not copied: the relay's side of each buffer is gone.
    for (const batch of sent) expect(batch.bytes.byteLength).toBe(0);
  });

  it('H5: past its budget the job answers "not known" at once, and the next job runs', async () => {
    const { checkpoint, updates, after } = history();
    const { feed, sent } = feeder(after, 1);
    const result = await pool.run({ kind: 'removals', checkpoint, updates, budget: { steps: 60, ms: 60_000 } }, bob.id, feed);
    expect(result).toMatchObject({ kind: 'removals', removed: null });
    // It stopped asking for the log once over.
    expect(sent.length).toBeLessThan(after.length);
    const next = await pool.run({ kind: 'content', checkpoint, updates }, bob.id);
    expect(next.kind === 'content' && next.content.comments).toHaveLength(40);
  });

  it('H5: a failed read of the log fails that job only', async () => {
    const { checkpoint, updates, after } = history();
    let asked = 0;
    const feed = () => (asked++ === 0 ? Promise.resolve({ ...packUpdates(after.slice(0, 5)), since: true }) : Promise.reject(new Error('disk unreadable')));
    await expect(pool.run({ kind: 'removals', checkpoint, updates, budget: plenty }, bob.id, feed)).rejects.toThrow('disk unreadable');
    const next = await pool.run({ kind: 'content', checkpoint, updates }, bob.id);
    expect(next.kind).toBe('content');
  });

  it("H5: one person's requests never starve another's: the next job is the least recently served person's, and each has a bounded share of the queue", async () => {
    const fair = new RebuildPool(4, 2);
    try {
      const { checkpoint, updates } = history();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // Ann's first job holds the thread until released: it waits for its log.
      const holding: Feed = async () => {
        await held;
        return null;
      };
      const order: string[] = [];
      const job = (name: string, owner: string, feed?: Feed) => fair.run({ kind: 'content', checkpoint, updates }, owner, feed).then(() => order.push(name));
      const jobs = [job('ann-1', 'ann', holding), job('ann-2', 'ann'), job('ann-3', 'ann')];
      await expect(fair.run({ kind: 'content', checkpoint, updates }, 'ann')).rejects.toBeInstanceOf(RebuildShareFull);
      jobs.push(job('ben-1', 'ben'), job('cat-1', 'cat'));
      // Four waiting: the queue is full for anyone.
      await expect(fair.run({ kind: 'content', checkpoint, updates }, 'dan')).rejects.toBeInstanceOf(RebuildQueueFull);
      release();
      await Promise.all(jobs);
      expect(order).toEqual(['ann-1', 'ben-1', 'cat-1', 'ann-2', 'ann-3']);
    } finally {
      await fair.close();
    }
  });
});
