import type { Migration } from '../migration.ts';

/**
 * The activity documents: an append-only log of Yjs updates (who sent each and when:
 * the activity's history) and, per document, one snapshot that folds the log up to
 * `upto_id` so a load never replays the whole history.
 */
export const documents: Migration = {
  version: 100,
  name: 'documents',
  sql: `
CREATE TABLE doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  activity_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX doc_updates_activity ON doc_updates(activity_id, id);
CREATE TABLE doc_snapshots (
  activity_id TEXT PRIMARY KEY,
  upto_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  data BLOB NOT NULL
);
`,
};
