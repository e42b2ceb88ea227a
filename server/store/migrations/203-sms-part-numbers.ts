import type { Migration } from '../migration.ts';

/**
 * Each part of a long message is submitted on its own: record which part an SMSC id
 * belongs to, so a retry after a dropped link or a crash sends only the parts the SMSC
 * has not accepted (with the same concatenation reference and part numbers).
 */
export const smsPartNumbers: Migration = {
  version: 203,
  name: 'sms part numbers',
  sql: `
ALTER TABLE sms_parts ADD COLUMN part INTEGER;
CREATE INDEX sms_parts_message_part ON sms_parts(message_id, part);
`,
};
