import type { Migration } from '../migration.ts';

/** Receipts that overtake the submit answer are matched by (number, 16-bit reference): index it. */
export const smsReceiptRef: Migration = {
  version: 201,
  name: 'sms receipt reference',
  sql: `CREATE INDEX sms_messages_ref ON sms_messages(to_phone, (seq & 65535));`,
};
