import type { Migration } from '../migration.ts';

/**
 * Erasures still to reach the activities' documents (server/history/erasure.ts, SPEC
 * E1–E4): one row per erased person and activity of their organisation, written in the
 * erase's own transaction, so a relay killed mid-way goes on at start from `step` and
 * `cursor`. `needles` (what identified them: name, e-mail, phone) is kept only until the
 * row is done, and the row is then deleted with secure_delete on. `store_scrub` lends
 * its rows of zeros to Database.scrubFreePages, which wipes the free pages after.
 */
export const erasureDocuments: Migration = {
  version: 627,
  name: 'erasure-documents',
  sql: `
CREATE TABLE erasure_documents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  by_id TEXT NOT NULL,
  former TEXT NOT NULL,
  needles TEXT NOT NULL,
  step TEXT NOT NULL DEFAULT 'live' CHECK (step IN ('live', 'updates', 'snapshot', 'past')),
  cursor INTEGER NOT NULL DEFAULT 0,
  UNIQUE (user_id, activity_id)
);
-- Set by an erase, cleared once the free pages were wiped and the WAL emptied after it.
CREATE TABLE erasure_wipe_due (one INTEGER PRIMARY KEY CHECK (one = 1));
-- Rows of zeros that take the free pages for a moment (Database.scrubFreePages).
CREATE TABLE store_scrub (data BLOB NOT NULL);
`,
};
