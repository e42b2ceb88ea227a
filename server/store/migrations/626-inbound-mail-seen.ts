import type { Migration } from '../migration.ts';

/**
 * Replies already taken (server/mail/inbound/listener.ts): a mail server that did not
 * hear our 250 delivers the same message again, so each accepted reply is remembered by
 * a hash of its reply token and its Message-ID (neither is stored as such), and the same
 * message a second time is answered 250 and changes nothing.
 */
export const inboundMailSeen: Migration = {
  version: 626,
  name: 'inbound-mail-seen',
  sql: `
CREATE TABLE mail_inbound_seen (
  message_key TEXT PRIMARY KEY,
  seen_at TEXT NOT NULL
);
CREATE INDEX mail_inbound_seen_at ON mail_inbound_seen(seen_at);
`,
};
