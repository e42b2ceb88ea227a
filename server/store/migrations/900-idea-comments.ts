import type { Migration } from '../migration.ts';

/**
 * Comments on ideas (issue 18: public participants "propose, vote and comment"; "report on
 * any idea or comment"; "facilitators hide with a reason the author sees").
 *
 * - `idea_comments`: one row per comment, `pending` while the box's pre-moderation holds it,
 *   hidden with a reason its author reads. The author's row is kept by an erasure (the
 *   comment reads as the former member's), like ideas.
 * - `idea_comment_reports`: one report per person per comment, as `idea_reports`.
 * - `idea_notices.comment_id`: a notice about one of the author's comments (hidden, shown
 *   again, approved) rather than about the idea itself; the kinds stay those of migration 820.
 */
export const ideaComments: Migration = {
  version: 900,
  name: 'idea-comments',
  sql: `
CREATE TABLE idea_comments (
  id TEXT PRIMARY KEY,
  idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  moderation TEXT NOT NULL DEFAULT 'approved' CHECK (moderation IN ('pending', 'approved')),
  hidden_reason TEXT,
  hidden_at TEXT
);
CREATE INDEX idea_comments_idea ON idea_comments(idea_id, created_at, id);
CREATE INDEX idea_comments_shown ON idea_comments(idea_id, created_at, id) WHERE moderation = 'approved' AND hidden_at IS NULL;
CREATE INDEX idea_comments_author ON idea_comments(author_id, created_at);
CREATE INDEX idea_comments_pending ON idea_comments(idea_id) WHERE moderation = 'pending';
CREATE TABLE idea_comment_reports (
  comment_id TEXT NOT NULL REFERENCES idea_comments(id) ON DELETE CASCADE,
  reporter_id TEXT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'duplicate', 'personal_data', 'other')),
  note TEXT,
  created_at TEXT NOT NULL,
  dismissed_at TEXT,
  PRIMARY KEY (comment_id, reporter_id)
) WITHOUT ROWID;
CREATE INDEX idea_comment_reports_reporter ON idea_comment_reports(reporter_id, created_at);
CREATE INDEX idea_comment_reports_open ON idea_comment_reports(comment_id) WHERE dismissed_at IS NULL;
ALTER TABLE idea_notices ADD COLUMN comment_id TEXT REFERENCES idea_comments(id) ON DELETE CASCADE;
`,
};
