import type { Migration } from '../migration.ts';

/**
 * An organisation's own SMS provider account (README "SMS across organisations"): SMPP
 * (host, port, system id) or Twilio (account SID), with its secret — the SMPP password or
 * the Twilio auth token — never given back by the API. The secret is sealed with
 * CONCLAVE_SECRET_KEY when the relay has one (server/sms/sealed.ts); without it, it is kept
 * as given (as SMTP_URL is kept in the relay's environment): protect the file.
 */
export const smsAccounts: Migration = {
  version: 212,
  name: 'sms-accounts',
  sql: `
CREATE TABLE sms_accounts (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id),
  provider TEXT NOT NULL CHECK (provider IN ('smpp', 'twilio')),
  smpp_host TEXT,
  smpp_port INTEGER,
  smpp_system_id TEXT,
  twilio_account_sid TEXT,
  secret TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
`,
};
