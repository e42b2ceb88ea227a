import type { Migration } from '../migration.ts';

/**
 * The update log compacted behind snapshots (SPEC D5): a row whose data was folded away
 * keeps its size in `bytes`. `updates` (how many updates a row stands for) and `since`
 * (when the first was) let a row stand for a run of one person's updates; today every
 * row stands for one. Past snapshots are kept, thinned, so earlier moments can be rebuilt.
 */
export const logCompaction: Migration = {
  version: 102,
  name: 'log compaction',
  sql: `
ALTER TABLE doc_updates ADD COLUMN bytes INTEGER;
ALTER TABLE doc_updates ADD COLUMN updates INTEGER NOT NULL DEFAULT 1;
ALTER TABLE doc_updates ADD COLUMN since TEXT;
CREATE TABLE doc_past_snapshots (
  activity_id TEXT NOT NULL,
  upto_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (activity_id, upto_id)
);
`,
};
