import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../server/config.ts';
import { SqliteStore } from '../../../../server/store/db.ts';
import type { ScanLine } from '../../../../server/store/explain-scans.ts';

/** The SQLite store's CONCLAVE_EXPLAIN_SCANS diagnostic, on a real store file. */
describe('explaining whole-table reads', () => {
  let dir: string;
  let db: SqliteStore;
  const file = () => path.join(dir, 'scans.jsonl');
  const lines = async () =>
    (await readFile(file(), 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ScanLine);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'conclave-explain-'));
    db = await SqliteStore.open(path.join(dir, 'conclave.sqlite'));
    await db.exec(`CREATE TABLE people (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, name TEXT NOT NULL, told_at TEXT);
      CREATE INDEX people_org ON people(org_id);
      CREATE INDEX people_untold ON people(id) WHERE told_at IS NULL;`);
    await db.run(`INSERT INTO people (id, org_id, name) VALUES ('a', 'o1', 'Ada'), ('b', 'o2', 'Bob')`);
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes nothing until it is turned on', async () => {
    await db.all('SELECT * FROM people WHERE name = ?', ['Ada']);
    expect(await lines()).toEqual([]);
  });

  it('writes each table a statement reads whole, once per statement text, inside transactions too', async () => {
    db.explainScansInto(file());
    const byName = 'SELECT * FROM people WHERE name = ?';
    expect(await db.all(byName, ['Ada'])).toHaveLength(1);
    await db.all(byName, ['Bob']);
    await db.transaction(async (tx) => tx.run('UPDATE people SET name = ? WHERE name = ?', ['Bo', 'Bob']));
    // An alias is the table it names; a search through an index, and a partial index's scan, are no whole-table read.
    await db.all('SELECT p.id FROM people AS p WHERE p.name LIKE ?', ['A%']);
    await db.all('SELECT id FROM people WHERE org_id = ?', ['o1']);
    await db.all('SELECT id FROM people WHERE told_at IS NULL ORDER BY id');
    await db.get('SELECT COUNT(*) AS n FROM (SELECT org_id FROM people WHERE org_id = ?) AS s', ['o2']);
    expect((await lines()).map(({ table, detail, sql }) => [table, detail, sql])).toEqual([
      ['people', 'SCAN people', byName],
      ['people', 'SCAN people', 'UPDATE people SET name = ? WHERE name = ?'],
      ['people', 'SCAN p', 'SELECT p.id FROM people AS p WHERE p.name LIKE ?'],
    ]);
  });

  it('is refused on PostgreSQL, whose plans depend on its statistics', () => {
    expect(loadConfig({ CONCLAVE_EXPLAIN_SCANS: 'scans.jsonl' }).explainScans).toBe(path.resolve('scans.jsonl'));
    expect(loadConfig({}).explainScans).toBeNull();
    expect(() => loadConfig({ CONCLAVE_EXPLAIN_SCANS: 'scans.jsonl', CONCLAVE_DATABASE_URL: 'postgres://localhost/x' })).toThrow(/SQLite store only/);
  });
});
