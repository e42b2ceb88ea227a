import type { Migration } from '../migration.ts';

/**
 * A decision may be acknowledged by answering its e-mail "OK" (server/mail/inbound/):
 * `decision_recipients.acknowledged_via` gains 'email'. And the decision's e-mails go
 * out in batches of their own (server/decisions/email.ts), each recipient's e-mail
 * recorded in the transaction that queues it: `email_status` (null: not handled yet) and
 * `email_message_id`. Recipients of decisions published before are marked `skipped`, so
 * that no old decision is e-mailed at the next start. SQLite cannot change a CHECK in
 * place, so the table is rebuilt — created anew, copied, the old one dropped, the new
 * one renamed — with its index, in the migration's one transaction. Nothing references
 * `decision_recipients`, so no foreign key has to be switched off.
 */
export const emailAcknowledgements: Migration = {
  version: 625,
  name: 'email-acknowledgements',
  sql: `
CREATE TABLE decision_recipients_625 (
  decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  sms_message_id TEXT,
  sms_status TEXT,
  sms_segments INTEGER,
  acknowledged_at TEXT,
  acknowledged_via TEXT CHECK (acknowledged_via IN ('sms', 'app', 'email')),
  email_status TEXT,
  email_message_id TEXT,
  PRIMARY KEY (decision_id, user_id)
);
INSERT INTO decision_recipients_625 (decision_id, user_id, sms_message_id, sms_status, sms_segments, acknowledged_at, acknowledged_via, email_status)
  SELECT decision_id, user_id, sms_message_id, sms_status, sms_segments, acknowledged_at, acknowledged_via, 'skipped' FROM decision_recipients;
DROP TABLE decision_recipients;
ALTER TABLE decision_recipients_625 RENAME TO decision_recipients;
CREATE INDEX decision_recipients_sms ON decision_recipients(sms_message_id);
CREATE INDEX decision_recipients_email_due ON decision_recipients(decision_id, user_id) WHERE email_status IS NULL;
`,
};
