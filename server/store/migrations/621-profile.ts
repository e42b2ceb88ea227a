import type { Migration } from '../migration.ts';
import { postgresSchema } from '../schema-dialect.ts';

/**
 * Self-service: sessions get a public id (to list and revoke them without their token),
 * the device that opened them and when they were last used; e-mail changes wait for a
 * link to the new address; phone changes wait for a code sent by SMS. A person's
 * language is the one `locale` column (610's `language` copied into it, then unused).
 */
const sql = `
ALTER TABLE sessions ADD COLUMN id TEXT;
ALTER TABLE sessions ADD COLUMN device TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
UPDATE sessions SET id = lower(hex(randomblob(12))) WHERE id IS NULL;
CREATE UNIQUE INDEX sessions_id ON sessions(id);
UPDATE users SET locale = COALESCE(locale, language);
CREATE TABLE email_changes (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  new_email TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX email_changes_user ON email_changes(user_id);
CREATE TABLE phone_changes (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  phone TEXT NOT NULL,
  sms_opt_in INTEGER NOT NULL,
  code_hash TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
`;

export const profile: Migration = {
  version: 621,
  name: 'profile',
  sql,
  // PostgreSQL has no randomblob: a random UUID's hex digits name the sessions opened before.
  postgres: postgresSchema(sql.replace('lower(hex(randomblob(12)))', "replace(gen_random_uuid()::text, '-', '')")),
};
