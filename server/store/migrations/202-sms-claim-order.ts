import type { Migration } from '../migration.ts';

/** The worker takes due messages urgent first, then in order: let it walk an index, not sort. */
export const smsClaimOrder: Migration = {
  version: 202,
  name: 'sms claim order',
  sql: `CREATE INDEX sms_messages_claim ON sms_messages(status, urgent DESC, seq);`,
};
