import type { Migration } from '../migration.ts';

/**
 * The boards on a decision record: what each board of the activity held when the decision
 * was published (core/doc/board-records.ts), in English and French, as JSON. Records
 * published before hold none.
 */
export const decisionBoards: Migration = {
  version: 790,
  name: 'decision-boards',
  sql: `ALTER TABLE decisions ADD COLUMN boards TEXT NOT NULL DEFAULT '[]';`,
};
