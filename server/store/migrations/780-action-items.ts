import type { Migration } from '../migration.ts';

/**
 * Action items (issue 17), as the relay reads them out of the documents.
 *
 * `action_items`: one row per action item of a live document (core/doc/action-items.ts),
 * written in the same commit as the update that changed it (server/sync/action-facts.ts,
 * update-log.ts), so "My actions" and the reminders never read a document. A removed item
 * or board loses its rows. `remind_stage` is the next reminder (0 the day before, 1 on the
 * day, 2 none left) and `remind_at` when it is due (first a bound before it, made exact with
 * the owner's time zone when reached: server/actions/reminders.ts); a new owner or due day
 * starts them again.
 *
 * `activity_notices` is rebuilt (SQLite cannot alter a CHECK) to take the kind
 * `action_due`, so reminders are in the same bell and told by the same teller.
 */
export const actionItems: Migration = {
  version: 780,
  name: 'action-items',
  sql: `
CREATE TABLE action_items (
  activity_id TEXT NOT NULL,
  board_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  title TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  due TEXT NOT NULL,
  status TEXT NOT NULL,
  source TEXT,
  updated_at TEXT NOT NULL,
  remind_stage INTEGER NOT NULL DEFAULT 0,
  remind_at TEXT,
  PRIMARY KEY (activity_id, board_id, item_id)
) WITHOUT ROWID;
CREATE INDEX action_items_owner ON action_items(owner_id, due) WHERE status IN ('todo', 'doing');
CREATE INDEX action_items_remind ON action_items(remind_at) WHERE remind_at IS NOT NULL;
CREATE INDEX action_items_overdue ON action_items(activity_id, due) WHERE status IN ('todo', 'doing');
CREATE TABLE activity_notices_780 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id),
  org_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mentioned', 'vote_opening', 'vote_closing', 'invitation', 'retention', 'action_due')),
  subject_id TEXT NOT NULL,
  actor_id TEXT,
  about TEXT,
  key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  read_at TEXT,
  told_at TEXT
);
INSERT INTO activity_notices_780 SELECT id, user_id, org_id, activity_id, kind, subject_id, actor_id, about, key, created_at, read_at, told_at FROM activity_notices;
DROP TABLE activity_notices;
ALTER TABLE activity_notices_780 RENAME TO activity_notices;
CREATE INDEX activity_notices_user ON activity_notices(user_id, id);
CREATE INDEX activity_notices_untold ON activity_notices(id) WHERE told_at IS NULL;
`,
};
