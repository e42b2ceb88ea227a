import type { Migration } from '../migration.ts';

/**
 * Decision records. One per activity. `decision_recipients` is the list of members it
 * was published to, with what became of their SMS and when they acknowledged it;
 * `decision_notices` tells members in the app (published, review due); ratings say how
 * the decision turned out, from its review date on.
 */
export const decisions: Migration = {
  version: 410,
  name: 'decisions',
  sql: `
CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL UNIQUE REFERENCES activities(id) ON DELETE CASCADE,
  outcome TEXT NOT NULL,
  chosen_option TEXT,
  rationale TEXT NOT NULL,
  dissent TEXT,
  review_at TEXT,
  reviewed_at TEXT,
  results TEXT NOT NULL,
  published_by TEXT NOT NULL REFERENCES users(id),
  published_at TEXT NOT NULL
);
CREATE INDEX decisions_review ON decisions(review_at) WHERE reviewed_at IS NULL AND review_at IS NOT NULL;
CREATE TABLE decision_recipients (
  decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  sms_message_id TEXT,
  sms_status TEXT,
  sms_segments INTEGER,
  acknowledged_at TEXT,
  acknowledged_via TEXT CHECK (acknowledged_via IN ('sms', 'app')),
  PRIMARY KEY (decision_id, user_id)
);
CREATE INDEX decision_recipients_sms ON decision_recipients(sms_message_id);
CREATE TABLE decision_notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id),
  decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('published', 'review_due', 'rate')),
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX decision_notices_user ON decision_notices(user_id, id);
CREATE TABLE decision_ratings (
  decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT,
  rated_at TEXT NOT NULL,
  PRIMARY KEY (decision_id, user_id)
);
`,
};
