import type { Migration } from '../migration.ts';

/**
 * Many organisations on one relay (README "Organisations and plans"): each has a plan
 * (core/plans/plans.ts; organisations set up before plans existed keep everything:
 * `unlimited`) and may be suspended by the operator. The first administrator of an
 * organisation that signed up confirms their address by a link before inviting anyone:
 * `email_unconfirmed` is 1 until then (0 for everyone else), and the link's token is
 * kept hashed in `signup_confirmations`.
 */
export const organizations: Migration = {
  version: 700,
  name: 'organizations',
  sql: `
ALTER TABLE organizations ADD COLUMN plan TEXT NOT NULL DEFAULT 'unlimited';
ALTER TABLE organizations ADD COLUMN suspended_at TEXT;
ALTER TABLE organizations ADD COLUMN signed_up INTEGER NOT NULL DEFAULT 0 CHECK (signed_up IN (0, 1));
ALTER TABLE users ADD COLUMN email_unconfirmed INTEGER NOT NULL DEFAULT 0 CHECK (email_unconfirmed IN (0, 1));
CREATE TABLE signup_confirmations (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX signup_confirmations_user ON signup_confirmations(user_id);
CREATE INDEX activities_open_by_facilitator ON activities(facilitator_id, status);
`,
};
