import type { Migration } from '../migration.ts';

/**
 * Invitations (to the organisation, or to one activity), stored with the token's hash
 * only; a person invited to an activity from outside the organisation is a guest.
 */
export const invitations: Migration = {
  version: 610,
  name: 'invitations',
  sql: `
ALTER TABLE users ADD COLUMN guest INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN language TEXT;
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  name TEXT,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  activity_id TEXT REFERENCES activities(id) ON DELETE CASCADE,
  activity_role TEXT CHECK (activity_role IN ('facilitator', 'contributor', 'viewer')),
  guest INTEGER NOT NULL DEFAULT 0,
  phone TEXT,
  invited_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  sent_count INTEGER NOT NULL DEFAULT 1,
  last_sent_at TEXT NOT NULL,
  accepted_at TEXT,
  accepted_user_id TEXT,
  revoked_at TEXT
);
CREATE INDEX invitations_org ON invitations(org_id, created_at);
CREATE INDEX invitations_activity ON invitations(activity_id);
`,
};
