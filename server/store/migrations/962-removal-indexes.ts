import type { Migration } from '../migration.ts';

/**
 * A closed activity's removal (retention: server/retention/removal.ts) finds what it deletes
 * through an index: its notices, and through the foreign keys' cascades the notices of its
 * decision and of its idea comments. Each step is a statement holding the store's one
 * connection, so a whole-table read there held every organisation's requests (the live update
 * log among them) for as long as every organisation's notices took to read, once per batch
 * of rows removed (test/integration/store/table-scans.test.ts). Each index costs one write per notice made;
 * the idea notices' is partial: only a notice about a comment has one.
 */
export const removalIndexes: Migration = {
  version: 962,
  name: 'removal-indexes',
  sql: `
CREATE INDEX activity_notices_activity ON activity_notices(activity_id);
CREATE INDEX decision_notices_decision ON decision_notices(decision_id);
CREATE INDEX idea_notices_comment ON idea_notices(comment_id) WHERE comment_id IS NOT NULL;
`,
};
