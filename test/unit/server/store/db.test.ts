import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedStore, type MigratedStore } from '../../../support/migrated-store.ts';

let store: MigratedStore;

beforeEach(async () => {
  store = await openMigratedStore('conclave-db');
  await store.db.run('CREATE TABLE seen (n INTEGER)');
});

afterEach(() => store.close());

describe('the store lock', () => {
  it('serves the urgent line before ordinary statements already waiting', async () => {
    const { db } = store;
    const order: string[] = [];
    const ordinary = Array.from({ length: 20 }, (_, i) =>
      db.run('INSERT INTO seen (n) VALUES (?)', [i]).then(() => order.push(`ordinary ${i}`)),
    );
    const urgent = db.urgent.run('INSERT INTO seen (n) VALUES (?)', [100]).then(() => order.push('urgent'));
    await Promise.all([...ordinary, urgent]);
    // The first ordinary statement already held the connection; the urgent one comes next.
    expect(order.indexOf('urgent')).toBe(1);
    expect(order.filter((o) => o.startsWith('ordinary'))).toEqual(ordinary.map((_, i) => `ordinary ${i}`));
  });

  it('keeps an urgent transaction whole while ordinary statements wait', async () => {
    const { db } = store;
    const seenInside: number[] = [];
    const ordinary = db.run('INSERT INTO seen (n) VALUES (1)');
    const tx = db.urgent.transaction(async (q) => {
      await q.run('INSERT INTO seen (n) VALUES (2)');
      const rows = await q.all<{ n: number }>('SELECT n FROM seen ORDER BY n');
      seenInside.push(...rows.map((r) => r.n));
      await q.run('INSERT INTO seen (n) VALUES (3)');
    });
    const later = db.run('INSERT INTO seen (n) VALUES (4)');
    await Promise.all([ordinary, tx, later]);
    expect(seenInside).toEqual([1, 2]);
    const all = await db.all<{ n: number }>('SELECT n FROM seen ORDER BY rowid');
    expect(all.map((r) => r.n)).toEqual([1, 2, 3, 4]);
  });

  it('goes on after a failed statement in either line', async () => {
    const { db } = store;
    await expect(db.urgent.run('INSERT INTO nowhere VALUES (1)')).rejects.toThrow(/no such table/);
    await expect(db.run('SELECT * FROM nowhere')).rejects.toThrow(/no such table/);
    await db.urgent.run('INSERT INTO seen (n) VALUES (7)');
    expect(await db.get<{ n: number }>('SELECT n FROM seen')).toEqual({ n: 7 });
  });
});
