import type { Migration } from './migration.ts';
import { migrations } from './migrations/index.ts';
import { postgresSchema } from './schema-dialect.ts';
import type { Engine, RelayStore } from './store.ts';

/** The statements of one migration for one engine. */
export function migrationStatements(m: Migration, engine: Engine): string[] {
  const sql = engine === 'postgres' ? (m.postgres ?? postgresSchema(m.sql)) : m.sql;
  return splitStatements(sql);
}

/**
 * Brings the schema up to date, each migration in its own transaction, recorded in
 * `schema_migrations` the same way on both engines. On PostgreSQL several relays may
 * start at once: each migration's transaction first locks `schema_migrations`, then
 * looks again whether another relay applied it meanwhile.
 */
export async function migrate(db: RelayStore, list: readonly Migration[] = migrations): Promise<number[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const done = new Set(
    (await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: number[] = [];
  const ordered = [...list].sort((a, b) => a.version - b.version);
  for (const m of ordered) {
    if (done.has(m.version)) continue;
    const ran = await db.transaction(async (tx) => {
      if (db.engine === 'postgres') await tx.run('LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE');
      if (await tx.get('SELECT 1 AS one FROM schema_migrations WHERE version = ?', [m.version])) return false;
      for (const statement of migrationStatements(m, db.engine)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
