import type { Migration } from '../migration.ts';

/**
 * When each Yjs client id of a document was first taken (SPEC W12): a person takes at most
 * `CONCLAVE_NEW_CLIENTS_PER_DAY` new ones in a document per UTC day, read back at load.
 * Rows from before have none: they count for the person's total, not for any day.
 */
export const clientClaims: Migration = {
  version: 770,
  name: 'client claims',
  sql: `
ALTER TABLE doc_clients ADD COLUMN claimed_at TEXT;
`,
};
