import type { Migration } from '../migration.ts';

/**
 * Receipts that arrive before the relay has recorded the provider's acceptance (an SMSC
 * that reports right after, or even before, its submit_sm_resp): they wait here, durably,
 * and are matched when the acceptance commits. What stays unmatched past the grace
 * period is dropped as unknown.
 */
export const smsEarlyReceipts: Migration = {
  version: 205,
  name: 'sms early receipts',
  sql: `
CREATE TABLE sms_early_receipts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  provider_id TEXT,
  to_phone TEXT,
  ref INTEGER,
  status TEXT NOT NULL,
  detail TEXT,
  received_at TEXT NOT NULL
);
CREATE INDEX sms_early_receipts_provider_id ON sms_early_receipts(provider_id);
CREATE INDEX sms_early_receipts_ref ON sms_early_receipts(to_phone, ref);
CREATE INDEX sms_early_receipts_received ON sms_early_receipts(received_at);
`,
};
