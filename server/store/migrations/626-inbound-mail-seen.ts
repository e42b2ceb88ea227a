import type { Migration } from '../migration.ts';

/**
 * Replies already taken (server/mail/inbound/taken-once.ts): a mail server that did not
 * hear our 250 delivers the same message again, so each reply is claimed by a hash of its
 * reply token and its Message-ID (neither is stored as such) before it is applied, and
 * marked `done` after. The same message again is answered 250 and changes nothing once
 * done, or told to come back later while another delivery of it is being applied.
 */
export const inboundMailSeen: Migration = {
  version: 626,
  name: 'inbound-mail-seen',
  sql: `
CREATE TABLE mail_inbound_seen (
  message_key TEXT PRIMARY KEY,
  seen_at TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
);
CREATE INDEX mail_inbound_seen_at ON mail_inbound_seen(seen_at);
`,
};
