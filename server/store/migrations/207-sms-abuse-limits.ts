import type { Migration } from '../migration.ts';

/**
 * Limits on who sends SMS to many, and how many (issue 11, finding 11):
 *  - `sms_settings.mass_sms`: who may text many people at once (a decision to every
 *    member): `admins` (the default) or `facilitators` too;
 *  - `sms_settings.sender_daily_limit`: SMS one person may cause per day (null: the
 *    relay's default, SMS_SENDER_DAILY_LIMIT);
 *  - `sms_day_counts`: per organisation, subject (`sender:<user id>`, or
 *    `unknown-confirmations`) and UTC day, how many were queued: one row to read and
 *    bump in the statement that queues, not a count over the messages.
 */
export const smsAbuseLimits: Migration = {
  version: 207,
  name: 'sms-abuse-limits',
  sql: `
ALTER TABLE sms_settings ADD COLUMN mass_sms TEXT NOT NULL DEFAULT 'admins' CHECK (mass_sms IN ('admins', 'facilitators'));
ALTER TABLE sms_settings ADD COLUMN sender_daily_limit INTEGER;
CREATE TABLE sms_day_counts (
  org_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  day TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (org_id, subject, day)
) WITHOUT ROWID;
`,
};
