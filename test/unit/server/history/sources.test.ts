import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../../server/store/db.ts';
import { migrate } from '../../../../server/store/migrate.ts';
import type { Queries } from '../../../../server/store/db.ts';
import { bytesPerStep, FoldedLog, momentFeed, momentSources, rowsPerStep, updatesAfter } from '../../../../server/history/sources.ts';
import { unpackUpdates } from '../../../../server/history/update-batch.ts';

const activityId = 'activity-sources-01';
const other = 'activity-sources-02';

/** SPEC H5: the log since a moment reaches the history thread in bounded steps, never read whole. */
describe('the log since a moment, step by step', () => {
  let dir: string;
  let db: SqliteStore;
  const sizes: number[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(process.env.TMPDIR ?? '/tmp', 'conclave-sources-'));
    db = await SqliteStore.open(path.join(dir, 'conclave.sqlite'), { synchronous: 'NORMAL' });
    await migrate(db);
    // 1,300 small updates, three of 3 MiB among them, and another activity's in between.
    await db.transaction(async (tx) => {
      for (let i = 0; i < 1300; i++) {
        const size = i === 700 || i === 701 || i === 1000 ? 3 * 1024 * 1024 : 40 + (i % 7);
        sizes.push(size);
        const data = Buffer.alloc(size, i % 251);
        await tx.run('INSERT INTO doc_updates (activity_id, user_id, at, data) VALUES (?, ?, ?, ?)', [activityId, `user-${i % 3}`, new Date(i * 1000).toISOString(), data]);
        if (i % 100 === 0) await tx.run('INSERT INTO doc_updates (activity_id, user_id, at, data) VALUES (?, ?, ?, ?)', [other, 'user-x', new Date(i * 1000).toISOString(), Buffer.alloc(10)]);
      }
    });
  });

  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const ids = async () => (await db.all<{ id: number }>('SELECT id FROM doc_updates WHERE activity_id = ? ORDER BY id', [activityId])).map((r) => r.id);

  it(`H5: every update after the moment, in order, with its sender, at most ${rowsPerStep} rows and ${bytesPerStep / 1024 / 1024} MiB a step (one larger update alone)`, async () => {
    const all = await ids();
    const from = 9;
    const next = updatesAfter(db, activityId, all[from]!, all.at(-1)!);
    const seen: { userId: string; size: number; first: number }[] = [];
    let steps = 0;
    for (let batch = await next(); batch; batch = await next()) {
      steps++;
      const updates = unpackUpdates(batch);
      const bytes = batch.bytes.byteLength;
      expect(updates.length).toBeGreaterThan(0);
      expect(updates.length).toBeLessThanOrEqual(rowsPerStep);
      if (updates.length > 1) expect(bytes).toBeLessThanOrEqual(bytesPerStep);
      // One buffer of its own per step, which can be handed to the thread by transfer.
      expect(batch.bytes.byteOffset).toBe(0);
      expect(batch.bytes.buffer.byteLength).toBe(bytes);
      for (const u of updates) seen.push({ userId: u.userId, size: u.data.byteLength, first: u.data[0]! });
    }
    expect(seen).toHaveLength(1300 - from - 1);
    expect(seen.map((s) => s.size)).toEqual(sizes.slice(from + 1));
    expect(seen.map((s) => s.userId)).toEqual(sizes.slice(from + 1).map((_, i) => `user-${(i + from + 1) % 3}`));
    expect(seen.map((s) => s.first)).toEqual(sizes.slice(from + 1).map((_, i) => (i + from + 1) % 251));
    // 1,290 rows: three steps by rows alone, and the 3 MiB updates each force one more.
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(await next()).toBeNull();
  });

  it('H5: stops at the last update it was given, whatever is logged after', async () => {
    const all = await ids();
    const next = updatesAfter(db, activityId, all[100]!, all[110]!);
    const batch = await next();
    expect(unpackUpdates(batch!).map((u) => u.data.byteLength)).toEqual(sizes.slice(101, 111));
    expect(await next()).toBeNull();
  });

  /** The store as the history reads it, each read's rows and bytes recorded. */
  function counted(reads: { rows: number; bytes: number }[]): Queries {
    const sizeOf = (row: unknown) => Object.values(row as Record<string, unknown>).reduce<number>((n, v) => n + (Buffer.isBuffer(v) ? v.byteLength : 0), 0);
    return {
      engine: db.engine,
      run: (sql, params) => db.run(sql, params),
      get: async <T,>(sql: string, params?: Parameters<Queries['get']>[1]) => {
        const row = await db.get<T>(sql, params);
        reads.push({ rows: row ? 1 : 0, bytes: row ? sizeOf(row) : 0 });
        return row;
      },
      all: async <T,>(sql: string, params?: Parameters<Queries['all']>[1]) => {
        const rows = await db.all<T>(sql, params);
        reads.push({ rows: rows.length, bytes: rows.reduce((n, r) => n + sizeOf(r), 0) });
        return rows;
      },
    };
  }

  it(`H5: a moment's own updates are read a step at a time too (at most ${rowsPerStep} rows and ${bytesPerStep / 1024 / 1024} MiB), never the log whole`, async () => {
    const reads: { rows: number; bytes: number }[] = [];
    const store = counted(reads);
    const sources = await momentSources(store, activityId, new Date(1300 * 1000));
    // Finding the moment reads no update's data.
    expect(reads.every((r) => r.bytes === 0)).toBe(true);
    expect(sources).toMatchObject({ checkpoint: null, exact: true, asOf: new Date(1299 * 1000).toISOString() });
    const next = momentFeed(store, activityId, sources);
    const seen: number[] = [];
    for (let batch = await next(); batch; batch = await next()) for (const u of unpackUpdates(batch)) seen.push(u.data.byteLength);
    expect(seen).toEqual(sizes);
    for (const read of reads) {
      expect(read.rows).toBeLessThanOrEqual(rowsPerStep);
      if (read.rows > 1) expect(read.bytes).toBeLessThanOrEqual(bytesPerStep);
    }
  });

  it('H4: a folded update since the moment means who removed what is no longer known', async () => {
    const all = await ids();
    await db.run('UPDATE doc_updates SET bytes = length(data) WHERE id = ?', [all[1200]!]);
    const next = updatesAfter(db, activityId, all[1100]!, all.at(-1)!);
    await expect(next()).rejects.toBeInstanceOf(FoldedLog);
  });

  it('D5, H1: a moment whose log was folded part-way stops before the folded update, and says it is not exact', async () => {
    const all = await ids();
    const sources = await momentSources(db, activityId, new Date(1300 * 1000));
    expect(sources).toMatchObject({ exact: false, uptoId: all[1199], asOf: new Date(1199 * 1000).toISOString() });
  });
});
