import type { Migration } from '../migration.ts';

/** What each logged update touched (e.g. `["methods/swot","comments"]`): the history's words. */
export const updateSummaries: Migration = {
  version: 101,
  name: 'update summaries',
  sql: `ALTER TABLE doc_updates ADD COLUMN summary TEXT NOT NULL DEFAULT '[]';`,
};
