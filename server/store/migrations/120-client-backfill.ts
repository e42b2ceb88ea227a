import type { Migration } from '../migration.ts';

/**
 * How far each document's log was read to find whose its Yjs client ids are (SPEC W10,
 * server/sync/client-backfill.ts): documents from before W10, or a data folder put back
 * from a copy, hold clients `doc_clients` does not name. Each logged update is read for
 * this at most once: `upto_id` is the last read.
 */
export const clientBackfill: Migration = {
  version: 120,
  name: 'client backfill',
  sql: `
CREATE TABLE doc_clients_backfill (
  activity_id TEXT PRIMARY KEY,
  upto_id INTEGER NOT NULL
);
`,
};
