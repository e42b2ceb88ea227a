import type { Migration } from '../migration.ts';

/**
 * E-mail: the durable queue (one row per message, rendered when queued), its timeline,
 * and the reply addresses handed out with notification e-mails (reply+<token>@…,
 * stored hashed, each for one person and one subject).
 */
export const mail: Migration = {
  version: 600,
  name: 'mail',
  sql: `
CREATE TABLE mail_messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT,
  to_address TEXT NOT NULL,
  kind TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  reply_to TEXT,
  unsubscribe_url TEXT,
  sensitive INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'unconfirmed', 'failed', 'bounced')),
  channel TEXT CHECK (channel IN ('smtp', 'outbox')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  smtp_response TEXT,
  requested_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX mail_messages_due ON mail_messages(status, next_attempt_at);
CREATE INDEX mail_messages_org ON mail_messages(org_id, seq);
CREATE INDEX mail_messages_user ON mail_messages(user_id);
CREATE TABLE mail_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id TEXT NOT NULL,
  status TEXT NOT NULL,
  detail TEXT,
  at TEXT NOT NULL
);
CREATE INDEX mail_history_message ON mail_history(message_id, id);
CREATE TABLE mail_reply_tokens (
  token_hash TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  activity_id TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX mail_reply_tokens_user ON mail_reply_tokens(user_id);
`,
};
