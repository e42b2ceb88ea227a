import { appendFile } from 'node:fs/promises';
import type { Param, RunResult } from './store.ts';

/** Statement texts explained at most: past it, new texts run unexplained (a relay building SQL by hand would say so). */
const maxStatements = 10_000;

/** The connection's statements, as SqliteStore runs them (without its lock). */
export interface Direct {
  readonly engine: 'sqlite';
  run(sql: string, params?: readonly Param[]): Promise<RunResult>;
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** One whole-table read found in a statement's plan, as written to the file (one JSON line). */
export interface ScanLine {
  /** The table read whole (an alias in the plan is turned back into its table). */
  table: string;
  /**
   * The plan's line: `SCAN t`, or `SCAN t USING [COVERING] INDEX i` (every entry of an index, in
   * its order). A scan of a partial index (`CREATE INDEX … WHERE`) is not written: it reads only
   * the rows the index keeps.
   */
  detail: string;
  sql: string;
}

/**
 * An operator's diagnostic (`CONCLAVE_EXPLAIN_SCANS=<file>`, SQLite only): each distinct
 * statement text is explained once (`EXPLAIN QUERY PLAN`, on the same connection, with the
 * parameters of its first run) before it runs, and each table its plan reads whole is
 * appended to the file as a JSON line. A whole-table read of a table that grows with every
 * organisation is what makes one organisation's request slow on a relay hosting hundreds.
 *
 * Off by default: the store then runs its statements unwrapped (SqliteStore.explainScansInto
 * wraps them, once, after the migrations ran: their one-time reads are no everyday statement).
 * Not on PostgreSQL: its planner picks a sequential scan or an index from the table's
 * statistics, so the plan of a small test store says nothing of a large one's. SQLite
 * keeps no statistics unless ANALYZE is run (the relay never runs it): its plan depends on
 * the schema and the statement alone, the same on an empty store as on a full one.
 */
export function explainingScans(direct: Direct, file: string): Direct {
  const explained = new Set<string>();
  let tables: Promise<Set<string>> | null = null;

  const partial = new Map<string, Promise<boolean>>();
  /** Whether an index holds only the rows its WHERE names (pending ones, say): reading all of it is no whole-table read. */
  const isPartial = (index: string) => {
    let known = partial.get(index);
    if (!known) {
      known = direct
        .get<{ sql: string | null }>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", [index])
        .then((row) => /\bWHERE\b/i.test(row?.sql ?? ''));
      partial.set(index, known);
    }
    return known;
  };

  const tableNames = async () => {
    const rows = await direct.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'");
    return new Set(rows.map((r) => r.name));
  };

  const explain = async (sql: string, params: readonly Param[] | undefined) => {
    if (explained.has(sql) || explained.size >= maxStatements) return;
    explained.add(sql);
    if (!/^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i.test(sql)) return;
    let plan: { detail: string }[];
    try {
      plan = await direct.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
    } catch {
      return; // the statement itself will say what is wrong with it
    }
    const lines: ScanLine[] = [];
    for (const { detail } of plan) {
      const [, named, index] = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(detail) ?? [];
      if (!named || (index && (await isPartial(index)))) continue;
      tables ??= tableNames();
      let table = tableOf(named, sql, await tables);
      if (!table) {
        // A subquery, or a table made since the names were read (a migration run by hand): read them again to know.
        tables = tableNames();
        table = tableOf(named, sql, await tables);
      }
      if (table) lines.push({ table, detail, sql: sql.replace(/\s+/g, ' ').trim() });
    }
    if (lines.length === 0) return;
    // Written before the statement runs; a file that cannot be written costs the diagnostic, never the statement.
    await appendFile(file, lines.map((l) => JSON.stringify(l) + '\n').join('')).catch(() => undefined);
  };

  return {
    engine: 'sqlite',
    run: async (sql, params) => (await explain(sql, params), direct.run(sql, params)),
    get: async <T>(sql: string, params?: readonly Param[]) => (await explain(sql, params), direct.get<T>(sql, params)),
    all: async <T>(sql: string, params?: readonly Param[]) => (await explain(sql, params), direct.all<T>(sql, params)),
    exec: (sql) => direct.exec(sql),
  };
}

/**
 * The table a plan's `SCAN name` reads: the name itself when it is a table, else the table
 * the statement gives that alias (`FROM users u`, `JOIN users AS u`); undefined for a
 * subquery or a common table expression (their own tables are explained on their own lines).
 */
export function tableOf(name: string, sql: string, tables: ReadonlySet<string>): string | undefined {
  if (tables.has(name)) return name;
  const aliased = new RegExp(`(?:FROM|JOIN|,)\\s+"?(\\w+)"?\\s+(?:AS\\s+)?"?${name}"?(?![\\w.(])`, 'gi');
  for (const m of sql.matchAll(aliased)) {
    const table = m[1];
    if (table && tables.has(table)) return table;
  }
  return undefined;
}
