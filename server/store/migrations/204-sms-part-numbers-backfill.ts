import type { Migration } from '../migration.ts';

/**
 * Parts recorded before part numbers existed get one, in the order they were recorded,
 * so a long message already sent when the relay is upgraded still reaches `delivered`
 * once every part has its receipt (only numbered parts are counted).
 */
export const smsPartNumbersBackfill: Migration = {
  version: 204,
  name: 'sms part numbers for earlier parts',
  sql: `
UPDATE sms_parts SET part = (
  SELECT COUNT(*) FROM sms_parts earlier WHERE earlier.message_id = sms_parts.message_id AND earlier.rowid <= sms_parts.rowid
) WHERE part IS NULL;
`,
  // A PostgreSQL store begins empty, with part numbers already in 203's schema: no part to number.
  postgres: '',
};
