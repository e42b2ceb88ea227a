import type { Migration } from '../migration.ts';

/**
 * Forgotten passwords: one row per link sent (the token stored hashed), single use,
 * expiring; using one spends every other link of the same person.
 */
export const passwordResets: Migration = {
  version: 620,
  name: 'password-resets',
  sql: `
CREATE TABLE password_resets (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX password_resets_user ON password_resets(user_id, created_at);
`,
};
