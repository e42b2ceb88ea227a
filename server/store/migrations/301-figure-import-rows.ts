import type { Migration } from '../migration.ts';

/**
 * Where a CSV import's rows wait, a few hundred per statement, before one statement
 * moves them all into `figure_values` (issue 11, finding 14): the store is held for one
 * statement at a time, not for the whole import, and the import stays all or nothing.
 * Rows left by an import the relay did not finish (a crash) are dropped by the next one.
 */
export const figureImportRows: Migration = {
  version: 301,
  name: 'figure-import-rows',
  sql: `
CREATE TABLE figure_import_rows (
  import_id TEXT NOT NULL,
  line INTEGER NOT NULL,
  figure_id TEXT NOT NULL,
  day TEXT NOT NULL,
  value REAL NOT NULL,
  forecast REAL,
  last_year REAL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (import_id, line)
);
`,
};
