import type { Migration } from '../migration.ts';

/**
 * In-app notices about an activity (server/notifications/activity-notices.ts): mentioned,
 * a vote opening or closing soon, added to an activity. One row per person and thing,
 * keyed (`key` UNIQUE) so that nothing is noticed twice; `told_at` marks those whose
 * e-mail and SMS (as the person chose) were handed on.
 *
 * `comment_mentions` holds the mentions of comment versions the sync log committed, in the
 * same transaction as their update (server/sync/update-log.ts), until the notifications
 * feature turns them into notices: a crash in between loses none.
 *
 * `poll_rounds.remind_at` is when the "closing soon" reminder of a round is due, and
 * `reminded_at` when it was written (once, in one transaction with its notices).
 */
export const activityNotices: Migration = {
  version: 710,
  name: 'activity-notices',
  sql: `
CREATE TABLE activity_notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id),
  org_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mentioned', 'vote_opening', 'vote_closing', 'invitation')),
  subject_id TEXT NOT NULL,
  actor_id TEXT,
  about TEXT,
  key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  read_at TEXT,
  told_at TEXT
);
CREATE INDEX activity_notices_user ON activity_notices(user_id, id);
CREATE INDEX activity_notices_untold ON activity_notices(id) WHERE told_at IS NULL;
CREATE TABLE comment_mentions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  activity_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  comment_id TEXT NOT NULL,
  mentioned TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  written_at TEXT NOT NULL,
  logged_at TEXT NOT NULL
);
ALTER TABLE poll_rounds ADD COLUMN remind_at TEXT;
ALTER TABLE poll_rounds ADD COLUMN reminded_at TEXT;
CREATE INDEX poll_rounds_remind ON poll_rounds(remind_at) WHERE reminded_at IS NULL AND remind_at IS NOT NULL;
`,
};
