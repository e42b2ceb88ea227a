import type { Migration } from '../migration.ts';

/**
 * Sealed polls. What a person chose is kept apart from the fact that they took part:
 *  - `poll_participants` says who took part in a round, never what they chose;
 *  - `poll_ballots` holds what was chosen. In a named poll a ballot carries its
 *    voter (`voter_id`, and `ballot_key` = voter id); in an anonymous poll it carries
 *    neither: its key is random, it has no voter, no timestamp, and the table is
 *    WITHOUT ROWID so rows sit in key order, not in the order they were cast.
 * Nothing in the two tables shares a key or an ordering that could link them again.
 */
export const polls: Migration = {
  version: 400,
  name: 'polls',
  sql: `
CREATE TABLE polls (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  definition TEXT NOT NULL,
  anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('open', 'revealed', 'closed')),
  round INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX polls_activity ON polls(activity_id);
CREATE TABLE poll_rounds (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  revealed_at TEXT,
  revealed_by TEXT REFERENCES users(id),
  PRIMARY KEY (poll_id, round)
);
CREATE INDEX poll_rounds_sealed ON poll_rounds(deadline) WHERE revealed_at IS NULL;
CREATE TABLE poll_participants (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (poll_id, round, user_id)
) WITHOUT ROWID;
CREATE TABLE poll_ballots (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  ballot_key TEXT NOT NULL,
  voter_id TEXT REFERENCES users(id),
  ballot TEXT NOT NULL,
  PRIMARY KEY (poll_id, round, ballot_key)
) WITHOUT ROWID;
CREATE TABLE poll_block_answers (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  ballot_key TEXT NOT NULL,
  answer TEXT NOT NULL,
  answered_by TEXT NOT NULL REFERENCES users(id),
  answered_at TEXT NOT NULL,
  PRIMARY KEY (poll_id, round, ballot_key)
);
`,
};
