import type { Migration } from '../migration.ts';

/**
 * Each organisation may have its own sender (README "SMS across organisations"): the
 * source address (or alphanumeric sender id) its SMS go from; null keeps the relay's.
 */
export const smsOrgSenders: Migration = {
  version: 211,
  name: 'sms-org-senders',
  sql: `
ALTER TABLE sms_settings ADD COLUMN sender TEXT;
CREATE INDEX sms_settings_sender ON sms_settings(sender) WHERE sender IS NOT NULL;
CREATE INDEX users_phone ON users(phone) WHERE phone IS NOT NULL;
CREATE INDEX sms_consents_phone ON sms_consents(phone);
`,
};
