import type { Migration } from '../migration.ts';

/**
 * The organisation's side of an idea box (issue 18, server/ideas/README in the README's
 * "Idea box"): moderation, stages, merging, studying, recognition and rewards.
 *
 * - `activities.idea_premoderation`: new ideas wait for a facilitator's approval;
 *   `idea_stage_names`: the box's own names for its stages (JSON, core/ideas/stages.ts).
 * - `ideas.moderation` (pending / approved / off_topic) with `off_topic_reason`;
 *   `reviewed_at`: a facilitator has looked at it (the inbound queue is what has not been
 *   reviewed); `shortlisted_at`; `merged_into` and `merged_at` for a merged duplicate;
 *   `study_activity_id`: the activity studying it. Ideas already answered count as reviewed.
 * - `idea_reports`: one report per person per idea, dismissed or acted on by a facilitator.
 * - `idea_rewards`: at most one reward per idea, `told_at` set once the author was told
 *   (the e-mail and SMS are keyed `idea:<id>:reward`, so a retry after a crash never sends twice).
 * - `users.idea_credit`: the person agrees to be named in halls of fame.
 * - `idea_notices` is rebuilt (SQLite cannot alter a CHECK) to take the new kinds and the other idea of a merge.
 */
export const ideaFunnel: Migration = {
  version: 820,
  name: 'idea-funnel',
  sql: `
ALTER TABLE activities ADD COLUMN idea_premoderation INTEGER NOT NULL DEFAULT 0 CHECK (idea_premoderation IN (0, 1));
ALTER TABLE activities ADD COLUMN idea_stage_names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE ideas ADD COLUMN moderation TEXT NOT NULL DEFAULT 'approved' CHECK (moderation IN ('pending', 'approved', 'off_topic'));
ALTER TABLE ideas ADD COLUMN off_topic_reason TEXT;
ALTER TABLE ideas ADD COLUMN reviewed_at TEXT;
ALTER TABLE ideas ADD COLUMN shortlisted_at TEXT;
ALTER TABLE ideas ADD COLUMN merged_into TEXT REFERENCES ideas(id) ON DELETE SET NULL;
ALTER TABLE ideas ADD COLUMN merged_at TEXT;
ALTER TABLE ideas ADD COLUMN study_activity_id TEXT REFERENCES activities(id) ON DELETE SET NULL;
UPDATE ideas SET reviewed_at = COALESCE(status_changed_at, created_at) WHERE status <> 'new' OR hidden_at IS NOT NULL;
CREATE INDEX ideas_inbound ON ideas(activity_id, created_at, id) WHERE reviewed_at IS NULL;
CREATE INDEX ideas_merged ON ideas(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX ideas_study ON ideas(study_activity_id) WHERE study_activity_id IS NOT NULL;
CREATE TABLE idea_reports (
  idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  reporter_id TEXT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'duplicate', 'personal_data', 'other')),
  note TEXT,
  created_at TEXT NOT NULL,
  dismissed_at TEXT,
  PRIMARY KEY (idea_id, reporter_id)
) WITHOUT ROWID;
CREATE INDEX idea_reports_reporter ON idea_reports(reporter_id, created_at);
CREATE INDEX idea_reports_open ON idea_reports(idea_id) WHERE dismissed_at IS NULL;
CREATE TABLE idea_rewards (
  idea_id TEXT PRIMARY KEY REFERENCES ideas(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  told_at TEXT,
  email_status TEXT,
  sms_message_id TEXT,
  sms_status TEXT
);
CREATE INDEX idea_rewards_untold ON idea_rewards(created_at) WHERE told_at IS NULL;
CREATE INDEX idea_rewards_sms ON idea_rewards(sms_message_id);
ALTER TABLE users ADD COLUMN idea_credit INTEGER NOT NULL DEFAULT 0 CHECK (idea_credit IN (0, 1));
CREATE TABLE idea_notices_820 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id),
  idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('status', 'hidden', 'shown', 'approved', 'off_topic', 'merged', 'reward')),
  status TEXT,
  reason TEXT,
  other_idea_id TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT
);
INSERT INTO idea_notices_820 (id, user_id, idea_id, kind, status, reason, created_at, read_at)
  SELECT id, user_id, idea_id, kind, status, reason, created_at, read_at FROM idea_notices;
DROP TABLE idea_notices;
ALTER TABLE idea_notices_820 RENAME TO idea_notices;
CREATE INDEX idea_notices_user ON idea_notices(user_id, id);
`,
};
