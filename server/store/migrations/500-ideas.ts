import type { Migration } from '../migration.ts';

/**
 * The idea box. An activity gets a kind (`board` or `ideas`) and, for idea boxes, its
 * categories (a JSON array). `ideas.vote_count` mirrors `idea_votes` (kept in the same
 * transaction) so that listing by votes is one indexed scan. Every status change is a
 * row of `idea_status_changes` with what became of the SMS telling the author (NULL:
 * not yet tried, so the relay tries again at start). `idea_notices` tell authors in the
 * app. Photos live as files under the data directory; `idea_photos` counts their bytes
 * against each person's quota.
 */
export const ideas: Migration = {
  version: 500,
  name: 'ideas',
  sql: `
ALTER TABLE activities ADD COLUMN kind TEXT NOT NULL DEFAULT 'board' CHECK (kind IN ('board', 'ideas'));
ALTER TABLE activities ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';
CREATE TABLE ideas (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'under_study', 'accepted', 'declined', 'implemented')),
  reason TEXT,
  status_changed_at TEXT,
  vote_count INTEGER NOT NULL DEFAULT 0,
  hidden_reason TEXT,
  hidden_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX ideas_by_votes ON ideas(activity_id, vote_count DESC, created_at DESC, id DESC);
CREATE INDEX ideas_by_newest ON ideas(activity_id, created_at DESC, id DESC);
CREATE INDEX ideas_by_category ON ideas(activity_id, category, vote_count DESC, created_at DESC, id DESC);
CREATE INDEX ideas_by_author ON ideas(author_id, activity_id);
CREATE TABLE idea_votes (
  idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  voted_at TEXT NOT NULL,
  PRIMARY KEY (idea_id, user_id)
) WITHOUT ROWID;
CREATE INDEX idea_votes_user ON idea_votes(user_id, idea_id);
CREATE TABLE idea_photos (
  idea_id TEXT PRIMARY KEY REFERENCES ideas(id) ON DELETE CASCADE,
  owner_id TEXT NOT NULL REFERENCES users(id),
  file TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes INTEGER NOT NULL,
  stored_at TEXT NOT NULL
);
CREATE INDEX idea_photos_owner ON idea_photos(owner_id);
CREATE TABLE idea_status_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  reason TEXT,
  changed_by TEXT NOT NULL REFERENCES users(id),
  changed_at TEXT NOT NULL,
  sms_message_id TEXT,
  sms_status TEXT
);
CREATE INDEX idea_status_changes_idea ON idea_status_changes(idea_id, id);
CREATE INDEX idea_status_changes_unsent ON idea_status_changes(id) WHERE sms_status IS NULL;
CREATE INDEX idea_status_changes_sms ON idea_status_changes(sms_message_id);
CREATE TABLE idea_notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id),
  idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('status', 'hidden', 'shown')),
  status TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX idea_notices_user ON idea_notices(user_id, id);
`,
};
