import type { Migration } from '../migration.ts';

/**
 * An e-mail being sent names the node that claimed it, as an SMS does (migration 885):
 * when that node's lease lapses another node takes the claim back (server/mail/takeback.ts).
 */
export const mailClaims: Migration = {
  version: 886,
  name: 'mail-claims',
  sql: `
ALTER TABLE mail_messages ADD COLUMN claimed_by TEXT;
`,
};
