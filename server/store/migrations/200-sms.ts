import type { Migration } from '../migration.ts';

/** The SMS gateway: settings, consent, the durable queue, its timeline, replies. */
export const sms: Migration = {
  version: 200,
  name: 'sms',
  sql: `
CREATE TABLE sms_settings (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id),
  price_per_segment_micros INTEGER NOT NULL,
  monthly_budget_micros INTEGER,
  currency TEXT NOT NULL DEFAULT 'EUR',
  quiet_start TEXT NOT NULL,
  quiet_end TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  help_text TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
CREATE TABLE sms_consents (
  org_id TEXT NOT NULL REFERENCES organizations(id),
  phone TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  state TEXT NOT NULL CHECK (state IN ('in', 'out')),
  time_zone TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, phone)
);
CREATE TABLE sms_consent_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL CHECK (action IN ('opt_in', 'opt_out')),
  how TEXT NOT NULL,
  by_user_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX sms_consent_events_phone ON sms_consent_events(org_id, phone, id);
CREATE TABLE sms_messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT,
  to_phone TEXT NOT NULL,
  text TEXT NOT NULL,
  encoding TEXT NOT NULL,
  segments INTEGER NOT NULL,
  cost_micros INTEGER NOT NULL,
  kind TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  expects_kind TEXT,
  expects_subject TEXT,
  expects_choices TEXT,
  urgent INTEGER NOT NULL DEFAULT 0,
  requested_by TEXT,
  status TEXT NOT NULL,
  detail TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  provider TEXT,
  provider_id TEXT,
  unconfirmed_since TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX sms_messages_due ON sms_messages(status, next_attempt_at);
CREATE INDEX sms_messages_provider_id ON sms_messages(provider_id);
CREATE INDEX sms_messages_to ON sms_messages(to_phone, seq);
CREATE INDEX sms_messages_org ON sms_messages(org_id, seq);
CREATE TABLE sms_parts (
  provider_id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL,
  receipt TEXT
);
CREATE INDEX sms_parts_message ON sms_parts(message_id);
CREATE TABLE sms_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id TEXT NOT NULL,
  status TEXT NOT NULL,
  detail TEXT,
  at TEXT NOT NULL
);
CREATE INDEX sms_history_message ON sms_history(message_id, id);
CREATE TABLE sms_inbound (
  id TEXT PRIMARY KEY,
  org_id TEXT,
  from_phone TEXT NOT NULL,
  to_address TEXT NOT NULL,
  text TEXT NOT NULL,
  provider_id TEXT UNIQUE,
  meaning TEXT NOT NULL,
  answer TEXT,
  message_id TEXT,
  user_id TEXT,
  received_at TEXT NOT NULL
);
CREATE INDEX sms_inbound_org ON sms_inbound(org_id, received_at);
`,
};
