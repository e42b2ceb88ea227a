import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/store/db.ts';
import { openMigratedStore, type MigratedStore } from '../../../support/migrated-store.ts';
import { UpdateLog, readDocument, writeSnapshot } from '../../../../server/sync/update-log.ts';

let store: MigratedStore;
let db: Database;
let transactions: number;
let inserts: number;

beforeEach(async () => {
  store = await openMigratedStore('conclave-log');
  db = store.db;
  transactions = 0;
  inserts = 0;
  // The log writes through the store's urgent line (db.ts): count what goes through it.
  const original = db.urgent.transaction;
  db.urgent.transaction = (body) => {
    transactions++;
    return original(body);
  };
  // Rows go in with `INSERT … RETURNING id` (both engines), read through `all`.
  const all = db.urgent.all;
  db.urgent.all = (sql, params) => {
    if (sql.startsWith('INSERT INTO doc_updates')) inserts++;
    return all(sql, params);
  };
});

afterEach(() => store.close());

const entry = (activityId: string, n: number) => ({
  activityId,
  userId: 'user-0001',
  data: new Uint8Array([n]),
  summary: ['methods/swot'],
});

function snap(uptoId: number, byte: number) {
  const at = new Date();
  return { uptoId, data: new Uint8Array([byte]), at, foldBefore: new Date(0), kept: 24 };
}

describe('UpdateLog (SPEC D1, D2)', () => {
  it('commits appends made together in one statement, and resolves each with its ids in order', async () => {
    const now = () => new Date('2026-11-23T09:00:00Z');
    const log = new UpdateLog(db, now);
    const results = await Promise.all([
      log.append([entry('room-aaaa', 1)]),
      log.append([entry('room-bbbb', 2), entry('room-bbbb', 3)]),
      log.append([entry('room-aaaa', 4)]),
    ]);
    expect(inserts).toBe(1);
    expect(transactions).toBe(0);
    expect(results).toEqual([[1], [2, 3], [4]]);
    const a = await readDocument(db, 'room-aaaa');
    expect(a.updates.map((u) => [...u.data])).toEqual([[1], [4]]);
  });

  it('appends arriving during a write join the next batch, not one statement each', async () => {
    const log = new UpdateLog(db, () => new Date());
    const first = log.append([entry('room-aaaa', 1)]);
    await new Promise((r) => setImmediate(r));
    const later = Array.from({ length: 50 }, (_, i) => log.append([entry('room-aaaa', i + 2)]));
    await Promise.all([first, ...later]);
    expect(inserts).toBeLessThanOrEqual(3);
    expect((await readDocument(db, 'room-aaaa')).updates).toHaveLength(51);
  });

  it('a batch larger than one statement goes in one transaction, all or nothing', async () => {
    const log = new UpdateLog(db, () => new Date());
    const ids = await log.append(Array.from({ length: 1000 }, (_, i) => entry('room-eeee', i % 256)));
    expect(transactions).toBe(1);
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect((await readDocument(db, 'room-eeee')).updates).toHaveLength(1000);
  });

  it('resolves only after the commit: the rows are readable when the promise settles', async () => {
    const log = new UpdateLog(db, () => new Date());
    const [id] = await log.append([entry('room-cccc', 9)]);
    const row = await db.get<{ id: number }>('SELECT id FROM doc_updates WHERE id = ?', [id!]);
    expect(row?.id).toBe(id);
  });

  it('a load reads the snapshot and only the updates logged after it', async () => {
    const log = new UpdateLog(db, () => new Date());
    const ids = await log.append([entry('room-dddd', 1), entry('room-dddd', 2), entry('room-dddd', 3)]);
    await writeSnapshot(db, 'room-dddd', snap(ids[1]!, 42));
    const stored = await readDocument(db, 'room-dddd');
    expect([...(stored.snapshot ?? [])]).toEqual([42]);
    expect(stored.updates.map((u) => [...u.data])).toEqual([[3]]);
    // An older snapshot never replaces a newer one.
    await writeSnapshot(db, 'room-dddd', snap(ids[0]!, 7));
    expect([...((await readDocument(db, 'room-dddd')).snapshot ?? [])]).toEqual([42]);
  });

  it('D4: each logged update records who sent it and when; a snapshot over it keeps its row', async () => {
    const at = new Date('2026-03-04T05:06:07.000Z');
    const log = new UpdateLog(db, () => at);
    const ids = await log.append([entry('room-d4d4', 1), { ...entry('room-d4d4', 2), userId: 'user-0002' }]);
    await writeSnapshot(db, 'room-d4d4', { ...snap(ids[1]!, 9), foldBefore: new Date(0) });
    const rows = await db.all<{ user_id: string; at: string; summary: string }>(
      'SELECT user_id, at, summary FROM doc_updates WHERE activity_id = ? ORDER BY id',
      ['room-d4d4'],
    );
    expect(rows).toEqual([
      { user_id: 'user-0001', at: at.toISOString(), summary: '["methods/swot"]' },
      { user_id: 'user-0002', at: at.toISOString(), summary: '["methods/swot"]' },
    ]);
  });

  it('D5: a snapshot folds the data of older logged updates away, keeping rows and sizes; past snapshots are thinned', async () => {
    const log = new UpdateLog(db, () => new Date('2026-01-01T00:00:00Z'));
    const ids = await log.append([entry('room-ffff', 1), entry('room-ffff', 2), entry('room-ffff', 3)]);
    for (let i = 0; i < 6; i++) {
      const at = new Date(Date.parse('2026-01-02T00:00:00Z') + [0, 1, 2, 60, 61, 120][i]! * 60_000);
      await writeSnapshot(db, 'room-ffff', { uptoId: ids[1]! + i, data: new Uint8Array([i]), at, foldBefore: at, kept: 4 });
    }
    const rows = await db.all<{ id: number; data: Buffer; bytes: number | null }>(
      'SELECT id, data, bytes FROM doc_updates WHERE activity_id = ? ORDER BY id',
      ['room-ffff'],
    );
    expect(rows.map((r) => [r.data.length, r.bytes])).toEqual([[0, 1], [0, 1], [0, 1]]);
    const past = await db.all<{ at: string }>('SELECT at FROM doc_past_snapshots WHERE activity_id = ? ORDER BY upto_id', ['room-ffff']);
    // Three kept besides the latest, spread out: of minutes 0, 1 and 2 only the last stays.
    expect(past.map((p) => p.at.slice(11, 16))).toEqual(['00:02', '01:00', '01:01']);
  });

  it('D6: within the log window, a replaced snapshot is kept as a checkpoint only every `checkpointEvery` updates; nothing is folded or thinned', async () => {
    const log = new UpdateLog(db, () => new Date('2026-01-01T00:00:00Z'));
    const ids = await log.append(Array.from({ length: 30 }, (_, i) => entry('room-gggg', i)));
    const window = new Date('2025-01-01T00:00:00Z');
    // A snapshot every 3 updates, checkpoints every 5 at least.
    for (let upto = 3; upto <= 30; upto += 3) {
      const at = new Date(Date.parse('2026-01-01T00:00:00Z') + upto * 1000);
      await writeSnapshot(db, 'room-gggg', { uptoId: ids[upto - 1]!, data: new Uint8Array([upto]), at, foldBefore: window, kept: 2, checkpointEvery: 5 });
    }
    const past = await db.all<{ upto_id: number }>('SELECT upto_id FROM doc_past_snapshots WHERE activity_id = ? ORDER BY upto_id', ['room-gggg']);
    expect(past.map((p) => p.upto_id - ids[0]! + 1)).toEqual([3, 9, 15, 21, 27]);
    const folded = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ? AND bytes IS NOT NULL', ['room-gggg']);
    expect(folded!.n).toBe(0);
  });
});
