import type { Migration } from '../migration.ts';

/**
 * History walked by time (`GET /api/activities/:id/document?at=`): the last update made
 * at or before a moment is found by this index, not by scanning the activity's log.
 */
export const historyIndex: Migration = {
  version: 110,
  name: 'history index',
  sql: `CREATE INDEX doc_updates_activity_at ON doc_updates(activity_id, at);`,
};
