import type { Migration } from '../migration.ts';

/**
 * The relay's everyday requests and timed jobs find their rows through an index, on a relay
 * hosting many organisations (test/integration/store/table-scans.test.ts runs them with
 * CONCLAVE_EXPLAIN_SCANS and lists every whole-table read):
 * - an organisation's people (every list of people, its administrators' addresses): `users`
 *   had no index by organisation, so each read every organisation's people;
 * - an organisation's figure schedules and ERP keys;
 * - what a timed job looks for among every organisation's rows: decisions whose SMS are not
 *   all queued, figure alerts not texted yet, a "send now" cut by a crash (partial indexes:
 *   they hold only those rows, each entry written when the row is made and removed when it is
 *   done), expired reply addresses and sync tickets to prune;
 * - an activity's sync tickets, which its removal deletes (and the foreign key's check reads);
 * - the reply to one SMS (an SMS's page).
 * Each index costs a write on the rows it holds: on `sync_tickets`, two per ticket (a live
 * connection takes one, at most CONCLAVE_TICKETS_PER_MINUTE a person); on `mail_reply_tokens`,
 * one per e-mail with a reply address; on `figure_sends` and `decision_recipients`, two per
 * recipient (in while claimed or unqueued, out once done).
 */
export const everydayIndexes: Migration = {
  version: 961,
  name: 'everyday-indexes',
  sql: `
CREATE INDEX users_org ON users(org_id);
CREATE INDEX figure_schedules_org ON figure_schedules(org_id, created_at);
CREATE INDEX figure_api_keys_org ON figure_api_keys(org_id, created_at);
CREATE INDEX decision_recipients_sms_due ON decision_recipients(decision_id, user_id) WHERE sms_status IS NULL;
CREATE INDEX figure_alerts_unsent ON figure_alerts(created_at) WHERE sms IS NULL;
CREATE INDEX figure_sends_claimed ON figure_sends(batch) WHERE state = 'claimed';
CREATE INDEX mail_reply_tokens_expiry ON mail_reply_tokens(expires_at);
CREATE INDEX sync_tickets_expiry ON sync_tickets(expires_at);
CREATE INDEX sync_tickets_activity ON sync_tickets(activity_id);
CREATE INDEX sms_inbound_message ON sms_inbound(message_id, received_at) WHERE message_id IS NOT NULL;
`,
};
