import type { Migration } from '../migration.ts';

/** Information SMS one person may receive a month (null: no cap), the organisation's choice. */
export const smsPersonCap: Migration = {
  version: 210,
  name: 'sms person cap',
  sql: `ALTER TABLE sms_settings ADD COLUMN person_monthly_cap INTEGER;`,
};
