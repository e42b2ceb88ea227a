import type { Migration } from '../migration.ts';

export const activities: Migration = {
  version: 2,
  name: 'activities',
  sql: `
CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  title TEXT NOT NULL,
  question TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'deciding', 'decided', 'archived')),
  facilitator_id TEXT NOT NULL REFERENCES users(id),
  deadline TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE activity_members (
  activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'group')),
  subject_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'contributor', 'viewer')),
  added_at TEXT NOT NULL,
  PRIMARY KEY (activity_id, subject_kind, subject_id)
);
CREATE INDEX activity_members_subject ON activity_members(subject_kind, subject_id);
CREATE TABLE sync_tickets (
  ticket_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
`,
};
