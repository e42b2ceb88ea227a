import type { Migration } from '../migration.ts';

/**
 * Several relay nodes on one store (issue 19). `cluster_leases` holds named leases: each
 * node's own (`node:<id>`, renewed while it lives: what its claims hang on) and each
 * timed job's (one node runs it at a time). `token` goes up whenever a lease changes
 * hands, so a holder that lost it can be told apart (fencing). `expires_at` is wall-clock
 * milliseconds. `slot` is where a node listens (host name and address): a relay restarted
 * on the same address ends its predecessor's lease at once, since only one process listens
 * there. An SMS being sent names the node that claimed it (`claimed_by`): when
 * that node's lease lapses, another node takes the claim back (server/sms/takeback.ts).
 */
export const clusterLeases: Migration = {
  version: 885,
  name: 'cluster-leases',
  sql: `
CREATE TABLE cluster_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  token BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  slot TEXT
);
ALTER TABLE sms_messages ADD COLUMN claimed_by TEXT;
CREATE INDEX sms_messages_claimed ON sms_messages(status, claimed_by);
`,
};
