import type { Migration } from '../migration.ts';

/**
 * The invitation e-mails each address received in the last day, whoever sent them (issue 12:
 * at most 3 a day), counted in the store rather than in each relay's memory: a restart or
 * another node no longer starts the count again. The address is kept as a hash; rows older
 * than a day go as the address is written to again.
 */
export const invitationMails: Migration = {
  version: 930,
  name: 'invitation-mails',
  sql: `
CREATE TABLE invitation_mails (
  address_hash TEXT NOT NULL,
  sent_at TEXT NOT NULL
);
CREATE INDEX invitation_mails_by_address ON invitation_mails (address_hash, sent_at);
`,
};
