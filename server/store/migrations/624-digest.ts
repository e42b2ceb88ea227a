import type { Migration } from '../migration.ts';

/** Notification e-mails held for a person's daily digest, sent together once a day. */
export const digest: Migration = {
  version: 624,
  name: 'digest',
  sql: `
CREATE TABLE digest_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  line TEXT NOT NULL,
  link TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX digest_items_pending ON digest_items(sent_at, user_id);
`,
};
