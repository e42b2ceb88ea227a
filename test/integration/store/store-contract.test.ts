import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Migration } from '../../../server/store/migration.ts';
import { migrate } from '../../../server/store/migrate.ts';
import { migrations } from '../../../server/store/migrations/index.ts';
import { isUniqueViolation, type RelayStore } from '../../../server/store/store.ts';
import { engines, engineStores, type EngineStores } from '../../support/engines.ts';

/** The tables this suite writes, created through the migration runner as any schema is. */
const contractSchema: Migration = {
  version: 1,
  name: 'store contract',
  sql: `
CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT NOT NULL UNIQUE, data BLOB, amount INTEGER, ratio REAL);
`,
};

/** The store contract (STYLE.md 9: one suite per interface, every engine passes it). */
describe.each(engines)('the store on %s', (engine) => {
  let stores: EngineStores;
  let db: RelayStore;

  beforeAll(async () => {
    stores = engineStores(engine);
    // Two connections on PostgreSQL: the ordinary line gets one, as SQLite's lock gives it one.
    db = await stores.open({ migrated: false, connections: 2 });
    await migrate(db, [contractSchema]);
  }, 120_000);

  afterAll(() => stores?.close());

  it('commits a transaction whole, and gives back what its body returned', async () => {
    const result = await db.transaction(async (tx) => {
      await tx.run('INSERT INTO counters (name, n) VALUES (?, ?)', ['whole-a', 1]);
      await tx.run('INSERT INTO counters (name, n) VALUES (?, ?)', ['whole-b', 2]);
      return 'done';
    });
    expect(result).toBe('done');
    const rows = await db.all<{ name: string; n: number }>("SELECT name, n FROM counters WHERE name LIKE 'whole-%' ORDER BY name");
    expect(rows).toEqual([
      { name: 'whole-a', n: 1 },
      { name: 'whole-b', n: 2 },
    ]);
  });

  it('rolls a transaction back whole when its body throws, and throws the same error', async () => {
    const refusal = new Error('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO counters (name, n) VALUES (?, ?)', ['rolled-a', 1]);
        await tx.run('UPDATE counters SET n = 99 WHERE name = ?', ['whole-a']);
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await db.get("SELECT name FROM counters WHERE name = 'rolled-a'")).toBeUndefined();
    expect(await db.get<{ n: number }>("SELECT n FROM counters WHERE name = 'whole-a'")).toEqual({ n: 1 });
  });

  it('rolls back when a statement fails inside, and goes on serving both lines', async () => {
    await expect(
      db.urgent.transaction(async (tx) => {
        await tx.run('INSERT INTO counters (name, n) VALUES (?, ?)', ['failed-a', 1]);
        await tx.run('INSERT INTO no_such_table (x) VALUES (1)');
      }),
    ).rejects.toThrow();
    expect(await db.get("SELECT name FROM counters WHERE name = 'failed-a'")).toBeUndefined();
    expect(await db.urgent.get<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
    expect(await db.get<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('never loses an increment read then written in concurrent transactions', async () => {
    await db.run("INSERT INTO counters (name, n) VALUES ('race', 0)");
    await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction(async (tx) => {
          const row = await tx.get<{ n: number }>("SELECT n FROM counters WHERE name = 'race'");
          await tx.run("UPDATE counters SET n = ? WHERE name = 'race'", [(row?.n ?? 0) + 1]);
        }),
      ),
    );
    expect(await db.get<{ n: number }>("SELECT n FROM counters WHERE name = 'race'")).toEqual({ n: 8 });
  });

  it('serves the urgent line before ordinary statements already waiting', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const order: string[] = [];
    // An ordinary transaction holds the ordinary line until the gate opens.
    const holding = db.transaction(async (tx) => {
      await tx.run("INSERT INTO counters (name, n) VALUES ('held', 0)");
      await gate;
    });
    const waiting = Array.from({ length: 5 }, (_, i) =>
      db.run('INSERT INTO counters (name, n) VALUES (?, ?)', [`waiting-${i}`, i]).then(() => order.push(`ordinary ${i}`)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const urgent = db.urgent.run("INSERT INTO counters (name, n) VALUES ('urgent', 0)").then(() => order.push('urgent'));
    await new Promise((resolve) => setImmediate(resolve));
    open();
    await Promise.all([holding, urgent, ...waiting]);
    expect(order[0]).toBe('urgent');
    expect(order.slice(1)).toEqual(waiting.map((_, i) => `ordinary ${i}`));
  });

  it('numbers inserted rows, in the order of their VALUES, through RETURNING', async () => {
    const rows = await db.all<{ id: number; label: string }>(
      'INSERT INTO entries (label) VALUES (?), (?), (?) RETURNING id, label',
      ['first', 'second', 'third'],
    );
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect(ids[1]).toBe((ids[0] ?? 0) + 1);
    expect(ids[2]).toBe((ids[0] ?? 0) + 2);
    const byId = await db.all<{ label: string }>('SELECT label FROM entries WHERE id IN (?, ?, ?) ORDER BY id', ids);
    expect(byId.map((r) => r.label)).toEqual(['first', 'second', 'third']);
  });

  it('gives blobs back byte for byte, as Buffers, from a Buffer or a Uint8Array', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await db.run('INSERT INTO entries (label, data) VALUES (?, ?)', ['bytes-u8', bytes]);
    await db.run('INSERT INTO entries (label, data) VALUES (?, ?)', ['bytes-buffer', Buffer.from(bytes).subarray(10, 20)]);
    const u8 = await db.get<{ data: Buffer }>("SELECT data FROM entries WHERE label = 'bytes-u8'");
    const buffer = await db.get<{ data: Buffer }>("SELECT data FROM entries WHERE label = 'bytes-buffer'");
    expect(Buffer.isBuffer(u8?.data)).toBe(true);
    expect([...(u8?.data ?? [])]).toEqual([...bytes]);
    expect([...(buffer?.data ?? [])]).toEqual([...bytes.subarray(10, 20)]);
  });

  it('keeps integers exact up to 2^53 - 1 and counts and sums as numbers', async () => {
    const big = Number.MAX_SAFE_INTEGER;
    await db.run('INSERT INTO entries (label, amount, ratio) VALUES (?, ?, ?)', ['big', big, 0.1]);
    await db.run('INSERT INTO entries (label, amount, ratio) VALUES (?, ?, ?)', ['small', -3, 2.5]);
    expect(await db.get("SELECT amount, ratio FROM entries WHERE label = 'big'")).toEqual({ amount: big, ratio: 0.1 });
    const totals = await db.get<{ n: number; total: number; half: number }>(
      "SELECT COUNT(*) AS n, SUM(amount) AS total, SUM(ratio) AS half FROM entries WHERE label = 'small'",
    );
    expect(totals).toEqual({ n: 1, total: -3, half: 2.5 });
    expect(await db.get('SELECT CAST(? AS BIGINT) AS n', [BigInt(big)])).toEqual({ n: big });
    await db.run('UPDATE entries SET amount = ? WHERE label = ?', [BigInt(big) - 1n, 'small']);
    expect(await db.get("SELECT amount FROM entries WHERE label = 'small'")).toEqual({ amount: big - 1 });
  });

  it('gives comparisons as 0 or 1 and keeps quoted camelCase names', async () => {
    const row = await db.get<{ isBig: number; notBig: number }>(
      `SELECT amount > 0 AS "isBig", amount < 0 AS "notBig" FROM entries WHERE label = 'big'`,
    );
    expect(row).toEqual({ isBig: 1, notBig: 0 });
  });

  it('reads ? inside quotes as text, and numbers ?N parameters as SQLite does', async () => {
    const row = await db.get<{ a: string; b: string; c: string; d: string }>(
      `SELECT 'what?' AS a, CAST(?2 AS TEXT) AS b, CAST(?1 AS TEXT) AS c, CAST(? AS TEXT) AS d -- and here?`,
      ['one', 'two', 'three'],
    );
    expect(row).toEqual({ a: 'what?', b: 'two', c: 'one', d: 'three' });
  });

  it('refuses a duplicate key the same way, and takes ON CONFLICT DO NOTHING / DO UPDATE', async () => {
    const error = await db.run("INSERT INTO entries (label) VALUES ('first')").catch((err: unknown) => err);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
    const ignored = await db.run("INSERT INTO entries (label) VALUES ('first') ON CONFLICT DO NOTHING");
    expect(ignored.changes).toBe(0);
    const upserted = await db.run(
      'INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = counters.n + excluded.n',
      ['whole-a', 10],
    );
    expect(upserted.changes).toBe(1);
    expect(await db.get("SELECT n FROM counters WHERE name = 'whole-a'")).toEqual({ n: 11 });
  });

  it('counts the rows a statement changed', async () => {
    const changed = await db.run("UPDATE counters SET n = n + 1 WHERE name LIKE 'waiting-%'");
    expect(changed.changes).toBe(5);
    expect((await db.run("DELETE FROM counters WHERE name = 'nobody'")).changes).toBe(0);
  });

  it('applies every migration of the relay, and records each once', async () => {
    const full = await stores.open({ migrated: false });
    expect(await migrate(full)).toEqual([...migrations].map((m) => m.version).sort((a, b) => a - b));
    expect(await migrate(full)).toEqual([]);
    const recorded = await full.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.map((r) => r.version)).toEqual([...migrations].map((m) => m.version).sort((a, b) => a - b));
  });
});
