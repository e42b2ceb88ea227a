import type { Migration } from '../migration.ts';

/**
 * Vote notices still to write (server/polls/vote-notices.ts): one row per poll round and
 * kind, written in the transaction that opens the round — "vote opening" due at once,
 * "vote closing" due at the round's `remind_at` — so a relay stopped or killed meanwhile
 * writes them at start. `cursor` is the last person (by id) written so far: the people of
 * a large activity are taken a batch at a time, each batch committed with its cursor; the
 * row goes once the last batch is written (for a reminder, with `poll_rounds.reminded_at`).
 */
export const voteNotices: Migration = {
  version: 730,
  name: 'vote-notices',
  sql: `
CREATE TABLE poll_round_notices (
  poll_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('vote_opening', 'vote_closing')),
  due_at TEXT NOT NULL,
  cursor TEXT NOT NULL DEFAULT '',
  written INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (poll_id, round, kind)
);
CREATE INDEX poll_round_notices_due ON poll_round_notices(due_at);
`,
};
