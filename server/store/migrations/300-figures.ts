import type { Migration } from '../migration.ts';

/**
 * Daily figures: definitions and values, recipient lists, schedules and their runs,
 * each recipient's send (the exactly-once claim), alerts, controllers and ERP keys.
 */
export const figures: Migration = {
  version: 300,
  name: 'figures',
  sql: `
CREATE TABLE figures (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  label TEXT NOT NULL,
  unit TEXT NOT NULL,
  decimals INTEGER NOT NULL,
  sms_label TEXT,
  compact INTEGER NOT NULL,
  template TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_id, label)
);
CREATE TABLE figure_values (
  figure_id TEXT NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  value REAL NOT NULL,
  forecast REAL,
  last_year REAL,
  source TEXT NOT NULL CHECK (source IN ('form', 'csv', 'api')),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (figure_id, day)
);
CREATE TABLE figure_lists (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (org_id, name)
);
CREATE TABLE figure_list_members (
  list_id TEXT NOT NULL REFERENCES figure_lists(id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'group')),
  subject_id TEXT NOT NULL,
  PRIMARY KEY (list_id, subject_kind, subject_id)
);
CREATE TABLE figure_schedules (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  figure_id TEXT NOT NULL REFERENCES figures(id),
  list_id TEXT NOT NULL REFERENCES figure_lists(id),
  cron TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  window_minutes INTEGER NOT NULL,
  watch_minutes INTEGER NOT NULL,
  enabled INTEGER NOT NULL,
  controller_id TEXT NOT NULL REFERENCES users(id),
  active_since TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE figure_runs (
  schedule_id TEXT NOT NULL REFERENCES figure_schedules(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'sent', 'missed')),
  fired_at TEXT NOT NULL,
  detail TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (schedule_id, day)
);
CREATE TABLE figure_sends (
  idempotency_key TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  batch TEXT NOT NULL,
  schedule_id TEXT,
  figure_id TEXT NOT NULL,
  day TEXT NOT NULL,
  user_id TEXT NOT NULL,
  text TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'enqueued', 'refused', 'missed')),
  message_id TEXT,
  reason TEXT,
  watch_at TEXT NOT NULL,
  watched_at TEXT,
  controller_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX figure_sends_batch ON figure_sends(batch);
CREATE INDEX figure_sends_watch ON figure_sends(watched_at, watch_at);
CREATE TABLE figure_alerts (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  controller_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  figure_id TEXT,
  schedule_id TEXT,
  day TEXT,
  text TEXT NOT NULL,
  sms TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT,
  UNIQUE (org_id, subject)
);
CREATE INDEX figure_alerts_org ON figure_alerts(org_id, created_at);
CREATE TABLE figure_controllers (
  org_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  PRIMARY KEY (org_id, user_id)
);
CREATE TABLE figure_api_keys (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL,
  figure_ids TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);
`,
};
